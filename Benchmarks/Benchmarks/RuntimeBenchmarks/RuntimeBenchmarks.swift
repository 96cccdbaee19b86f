import Benchmark
import CQRS
import Foundation
import Swinject

// Runtime micro-benchmarks: building a handler through the generated factory against resolving the same graph from
// Swinject, looking up an operation's metadata, and dispatching a command with no I/O behind it: by hand (the
// limit), and through the runtime's OperationDispatcher, bare, with no-op behaviours, and for a cached query.
//
//     swift package --package-path Benchmarks benchmark --target RuntimeBenchmarks

let singletons = Singletons()

/// Swinject resolving the same graph: singletons in the container scope, repositories built per resolution on the
/// request's session, as a per-request resolution does.
func swinjectContainer(session: DatabaseSession) -> Container {
    let container = Container()
    let shared = Singleton()
    container.register((any TokenGenerator).self) { _ in shared }.inObjectScope(.container)
    container.register((any RefreshTokenService).self) { _ in shared }.inObjectScope(.container)
    container.register((any EventBus).self) { _ in shared }.inObjectScope(.container)
    container.register((any Cache).self) { _ in shared }.inObjectScope(.container)
    container.register(CacheKeys.self) { _ in CacheKeys() }.inObjectScope(.container)
    container.register((any CacheMetrics).self) { _ in shared }.inObjectScope(.container)
    container.register((any UserRepository).self) { _ in SessionUserRepository(session: session) }
    container.register((any RefreshTokenRepository).self) { _ in SessionRefreshTokenRepository(session: session) }
    container.register((any SecurityConfigRepository).self) { _ in SessionSecurityConfigRepository(session: session) }
    container.register(RefreshAccessTokenHandler.self) { resolver in
        RefreshAccessTokenHandler(
            userRepository: resolver.resolve((any UserRepository).self)!,
            refreshTokenRepository: resolver.resolve((any RefreshTokenRepository).self)!,
            securityConfigRepository: resolver.resolve((any SecurityConfigRepository).self)!,
            tokenGenerator: resolver.resolve((any TokenGenerator).self)!,
            refreshTokenService: resolver.resolve((any RefreshTokenService).self)!,
            eventBus: resolver.resolve((any EventBus).self)!,
            cache: resolver.resolve((any Cache).self)!,
            cacheKeys: resolver.resolve(CacheKeys.self)!,
            cacheMetrics: resolver.resolve((any CacheMetrics).self)!)
    }
    return container
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        maxDuration: .seconds(2),
        maxIterations: 1_000_000)

    let session = DatabaseSession()

    // What the harness itself costs per iteration: subtract it from the figures below.
    Benchmark("Baseline: an empty iteration") { benchmark in
        for index in benchmark.scaledIterations {
            blackHole(index)
        }
    }

    Benchmark("Baseline: an empty iteration (async)") { benchmark in
        for index in benchmark.scaledIterations {
            blackHole(await Task.yield())
            blackHole(index)
        }
    }

    Benchmark("Handler from the generated factory (new request, 9 dependencies)") { benchmark in
        for _ in benchmark.scaledIterations {
            let factory = HandlerFactory(request: Request(session: session), app: singletons)
            blackHole(factory.refreshAccessTokenHandler())
        }
    }

    let container = swinjectContainer(session: session)
    Benchmark("Handler from Swinject (same graph)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(container.resolve(RefreshAccessTokenHandler.self)!)
        }
    }

    Benchmark("Metadata lookup by operation type") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(OperationRegistry.shared.metadata(for: RefreshAccessToken.self))
            blackHole(OperationRegistry.shared.metadata(for: GetAccount.self))
        }
    }

    let command = RefreshAccessToken(refreshToken: "token")
    Benchmark("Dispatch: new request, factory, handler, handle (no I/O)") { benchmark in
        for _ in benchmark.scaledIterations {
            let factory = HandlerFactory(request: Request(session: session), app: singletons)
            blackHole(await factory.refreshAccessTokenHandler().handle(command))
        }
    }

    // The limit the dispatcher is measured against: the handler and its per-request dependencies built by hand.
    Benchmark("Hand-written: handler and dependencies built, then handle (no I/O)") { benchmark in
        for _ in benchmark.scaledIterations {
            let handler = RefreshAccessTokenHandler(
                userRepository: SessionUserRepository(session: session),
                refreshTokenRepository: SessionRefreshTokenRepository(session: session),
                securityConfigRepository: SessionSecurityConfigRepository(session: session),
                tokenGenerator: singletons.tokenGenerator, refreshTokenService: singletons.refreshTokenService,
                eventBus: singletons.eventBus, cache: singletons.cache, cacheKeys: singletons.cacheKeys,
                cacheMetrics: singletons.cacheMetrics)
            blackHole(await handler.handle(command))
        }
    }

    // The same, with the handler built by a wiring function, as an application builds it away from where it calls
    // it: its per-request dependencies are then allocated, as the issue's limit has them. Built inline, the optimiser
    // keeps them on the stack.
    Benchmark("Hand-written: handler built by a wiring function, then handle (no I/O)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await wiredHandler(session: session, singletons: singletons).handle(command))
        }
    }

    let context = OperationContext(correlationId: "benchmark")
    let bare = OperationDispatcher<OperationCategory, BenchmarkEvent>(publisher: DiscardingPublisher())
    let factory: @Sendable (EventRecorder<BenchmarkEvent>) -> HandlerFactory<Request, Singletons> = { _ in
        HandlerFactory(request: Request(session: session), app: singletons)
    }
    Benchmark("OperationDispatcher: command, no behaviours (no I/O)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await bare.run(command, context: context, unitOfWork: NoUnitOfWork(), factory: factory))
        }
    }

    for count in [1, 4] {
        let behaved = OperationDispatcher<OperationCategory, BenchmarkEvent>(
            behaviors: Array(repeating: PassThrough(), count: count), publisher: DiscardingPublisher())
        Benchmark("OperationDispatcher: command, \(count) no-op behaviour\(count == 1 ? "" : "s") (no I/O)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(await behaved.run(command, context: context, unitOfWork: NoUnitOfWork(), factory: factory))
            }
        }
    }

    let query = GetAccount(accountId: UUID())
    Benchmark("OperationDispatcher: cached query hit") { benchmark in
        _ = await bare.run(query, context: context, factory: factory)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(await bare.run(query, context: context, factory: factory))
        }
    }

    Benchmark("Handle only, handler already built (no I/O)") { benchmark in
        let handler = HandlerFactory(request: Request(session: session), app: singletons).refreshAccessTokenHandler()
        for _ in benchmark.scaledIterations {
            blackHole(await handler.handle(command))
        }
    }
}

/// The benchmarks' events: none are published, but the dispatcher is typed by them.
struct BenchmarkEvent: NamedEvent {
    var eventName: String
}

struct DiscardingPublisher: EventPublisher {
    func publish(_ envelope: EventEnvelope<BenchmarkEvent>) async throws {}
}
