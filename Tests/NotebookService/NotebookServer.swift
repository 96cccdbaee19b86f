import CQRS
import CQRSHummingbird
import Foundation
import CQRSTesting
import HTTPTypes
import Hummingbird

/// The request context of the test server: the caller comes from an `X-Test-Caller` header (`id` or `id:role`), set
/// by ``TestAuthentication``, standing in for an application's token check; `expired` stands for a refused token.
struct NotebookRequestContext: CQRSRequestContext {
    var coreContext: CoreRequestContextStorage
    var caller: HTTPCaller?
    var authenticationFailure: ProblemDetails?
    var clientAddress: String? { "192.0.2.1" }

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}

struct TestAuthentication: RouterMiddleware {
    func handle(
        _ request: Request, context: NotebookRequestContext, next: (Request, NotebookRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let header = request.headers[HTTPField.Name("X-Test-Caller")!] {
            if header == "expired" {
                context.authenticationFailure = ProblemDetails(
                    status: .unauthorized, code: "token_expired", detail: "The access token has expired.")
            } else {
                let parts = header.split(separator: ":").map(String.init)
                context.caller = HTTPCaller(id: parts[0], roles: Set(parts.dropFirst()), claims: ["session": "s-\(parts[0])"])
            }
        }
        return try await next(request, context)
    }
}

/// Runs each route's operation through the runtime's dispatcher, as an application does.
struct NotebookRunner: OperationRouteRunner {
    typealias RequestContext = NotebookRequestContext

    let dispatcher: OperationDispatcher<OperationCategory, NoteEvent>
    let dependencies: NotebookDependencies

    func run<C: DispatchableCommand>(_ command: C, in context: NotebookRequestContext) async -> Result<C.Output, OperationError> {
        await dispatcher.run(command, context: operationContext(context), unitOfWork: NoUnitOfWork()) { _ in
            HandlerFactory(request: dependencies, app: dependencies)
        }
    }

    func run<Q: DispatchableQuery>(_ query: Q, in context: NotebookRequestContext) async -> Result<Q.Output, OperationError> {
        await dispatcher.run(query, context: operationContext(context)) { _ in
            HandlerFactory(request: dependencies, app: dependencies)
        }
    }

    private func operationContext(_ context: NotebookRequestContext) -> OperationContext {
        OperationContext(caller: context.caller?.id, correlationId: UUID().uuidString)
    }
}

/// The notebook's router: every route from the spec, none written here.
func notebookRouter(notebook: any Notebook = InMemoryNotebook(), configuration: HTTPRouteConfiguration = HTTPRouteConfiguration()) -> Router<NotebookRequestContext> {
    let router = Router(context: NotebookRequestContext.self)
    router.add(middleware: TestAuthentication())
    let runner = NotebookRunner(
        dispatcher: OperationDispatcher(publisher: RecordingEventPublisher<NoteEvent>()), dependencies: NotebookDependencies(notebook: notebook))
    OperationRoutes.register(with: HummingbirdRouteRegistrar(router: router, category: OperationCategory.self, configuration: configuration), runner: runner)
    return router
}

