import CQRS
import CQRSHummingbird
import Foundation
import Hummingbird
import NIOCore
import TodoCore

/// What the server knows of a request: the to-do app has no accounts, so nobody is a caller, and every route is
/// public in the spec; the client's address is what the purge's rate limit counts by.
public struct TodoRequestContext: CQRSRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    public var caller: HTTPCaller? { nil }
}

/// Runs each route's operation through the app's dispatcher, with the request's id as the correlation id of
/// everything it publishes.
struct TodoRouteRunner: OperationRouteRunner {
    typealias RequestContext = TodoRequestContext
    let app: TodoApp

    func run<C: DispatchableCommand>(_ command: C, in context: TodoRequestContext) async -> Result<C.Output, OperationError> {
        await app.run(command, context: OperationContext(correlationId: context.id))
    }

    func run<Q: DispatchableQuery>(_ query: Q, in context: TodoRequestContext) async -> Result<Q.Output, OperationError> {
        await app.run(query, context: OperationContext(correlationId: context.id))
    }
}

/// The to-do API: every route comes from the spec (`Sources/TodoCore/operations.yaml`); none is written here.
public func todoRouter(app: TodoApp, configuration: HTTPRouteConfiguration = HTTPRouteConfiguration()) -> Router<TodoRequestContext> {
    let router = Router(context: TodoRequestContext.self)
    OperationRoutes.register(
        with: HummingbirdRouteRegistrar(router: router, category: OperationCategory.self, configuration: configuration),
        runner: TodoRouteRunner(app: app))
    router.addOpenAPIDocument(OperationRoutes.openAPIDocument)
    return router
}
