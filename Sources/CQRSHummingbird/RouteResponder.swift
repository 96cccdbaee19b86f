import CQRS
import Foundation
import HTTPTypes
import Logging
import Hummingbird
import NIOCore

/// What one route does for every request, apart from running its operation: the policy, the rate limit, the body,
/// reading the operation, and the answer.
///
/// Inlinable, like the dispatcher, so that it is specialised in the application for its operations and its request
/// context: unspecialised, every request looked up the generic metadata of the types it passes through.
@usableFromInline
struct RouteResponder<Category: RegistryCategory>: Sendable {
    @usableFromInline let route: HTTPRoute<Category>
    @usableFromInline let configuration: HTTPRouteConfiguration
    /// Whether any field comes from the body: only then is it read.
    @usableFromInline let readsBody: Bool
    /// Whether fields come from members of a JSON body, which must then say it is JSON; a route that takes the body
    /// as it came (a file) takes it whatever its type.
    @usableFromInline let readsJSON: Bool
    /// The largest body the route reads: its own limit, else the configuration's.
    @usableFromInline let maximumBodySize: Int
    @usableFromInline let successStatus: HTTPResponse.Status

    @usableFromInline
    init(route: HTTPRoute<Category>, configuration: HTTPRouteConfiguration) {
        self.route = route
        self.configuration = configuration
        self.readsJSON = route.parameters.contains { if case .body = $0.source { true } else { false } }
        self.readsBody = readsJSON || route.parameters.contains { $0.source == .content }
        self.maximumBodySize = route.maximumBodySize ?? configuration.maximumBodySize
        self.successStatus = .named(route.successStatus)
    }

    /// The operation the request asks for, once the caller may ask for it; or the problem that refuses it.
    @inlinable
    func read<Operation: HTTPRoutable, Context: CQRSRequestContext>(
        _ operation: Operation.Type, _ request: Request, _ context: Context
    ) async -> Result<Operation, ProblemDetails> {
        // The path is read only for a problem's `instance`: making its string on every request cost a few percent.
        var path: String { request.uri.path }
        switch route.auth.decision(for: context.caller) {
        case .admitted: break
        case .unauthenticated:
            if var failure = context.authenticationFailure {
                failure.instance = path
                return .failure(failure)
            }
            return .failure(problem(.unauthorized, .notAuthenticated, "This route needs an authenticated caller.", path))
        case .forbidden:
            return .failure(problem(.forbidden, .forbidden, "The caller may not use this route.", path))
        }
        // Limits by address and caller are counted before the request is read, so that a flood costs little; limits by
        // a field once the operation is read.
        let early = await limit(request, context, key: { key in
            switch key {
            case .address: context.clientAddress ?? ""
            case .caller: context.caller?.id ?? ""
            case .field: nil
            }
        })
        if let early { return .failure(early) }
        var body: ByteBuffer?
        if readsBody {
            do {
                body = try await request.body.collect(upTo: maximumBodySize)
            } catch {
                return .failure(problem(
                    .contentTooLarge, .contentTooLarge, "The body is larger than \(maximumBodySize) bytes.", path))
            }
            if readsJSON, let body, body.readableBytes > 0, !JSONContentType.matches(request.headers[.contentType]) {
                return .failure(problem(
                    .unsupportedMediaType, .unsupportedMediaType, "Send the body as 'Content-Type: application/json'.", path))
            }
        }
        let values = HummingbirdRequestValues(request: request, context: context, body: body, decoder: configuration.decoder)
        let operation: Operation
        do {
            operation = try Operation(httpRequest: values)
        } catch {
            return .failure(problem(error, path))
        }
        if let refusal = await limit(request, context, key: { key in
            guard case .field(let name) = key else { return nil }
            return (operation.httpRateLimitKey(name) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        }) {
            return .failure(refusal)
        }
        return .success(operation)
    }

    /// Counts the request against each of the route's limits whose key `key` gives, until one refuses it. A limiter
    /// that cannot count (its store is down) refuses with 503: an uncounted request is what a limit exists to stop.
    @inlinable
    func limit<Context: CQRSRequestContext>(
        _ request: Request, _ context: Context, key: (HTTPRateLimit.Key) -> String?
    ) async -> ProblemDetails? {
        for (index, limit) in route.rateLimits.enumerated() {
            guard let value = key(limit.key) else { continue }
            let policy = limit.policy(for: route.operation, index: index)
            let decision: RateLimitDecision
            do {
                decision = try await configuration.rateLimiter.take(policy, key: value)
            } catch {
                let failure = String(reflecting: error)
                context.logger.error("\(route.operation): its rate limit could not be counted: \(failure)")
                let status = HTTPResponse.Status.serviceUnavailable
                let detail = ProblemDetails.serverFailureDetail(status)
                return problem(status, OperationError.unavailableCode, detail, request.uri.path)
            }
            if case .limited(let seconds) = decision {
                var refusal = problem(
                    .tooManyRequests, .rateLimited, "Too many requests; try again in \(seconds) seconds.", request.uri.path)
                refusal.retryAfterSeconds = seconds
                return refusal
            }
        }
        return nil
    }

    /// The answer to a run: the success status with the result as JSON, or the failure's problem.
    @inlinable
    func respond<Output: Encodable, Context: CQRSRequestContext>(
        to request: Request, _ context: Context, with result: Result<Output, OperationError>
    ) -> Response {
        switch result {
        case .success(let output):
            let status = successStatus
            // 204 carries no body, whatever the operation answers; nor does a route that drops its result.
            guard status != .noContent else { return Response(status: status) }
            do {
                let body: Data
                switch route.successBody {
                case .result: body = try configuration.encoder.encode(output)
                case .empty: return Response(status: status)
                case .member(let name, let fixed):
                    body = try configuration.encoder.encode(MemberBody<Output, Category>(name: name, value: output, fixed: fixed))
                }
                return Response(status: status, headers: jsonHeaders, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
            } catch {
                context.logger.error("\(route.operation): its result could not be encoded: \(String(reflecting: error))")
                let detail = ProblemDetails.serverFailureDetail(.internalServerError)
                return problem(.internalServerError, .internalError, detail, request.uri.path).response()
            }
        case .failure(let error):
            return respond(to: request, context, failure: error)
        }
    }

    /// The answer to a run whose success has no body.
    @inlinable
    func respond<Context: CQRSRequestContext>(
        to request: Request, _ context: Context, with result: Result<Void, OperationError>
    ) -> Response {
        switch result {
        case .success: Response(status: successStatus)
        case .failure(let error): respond(to: request, context, failure: error)
        }
    }

    /// A failure as the problem of its code, at the status the route maps it to; a server failure says only that it
    /// failed, and its message goes to the log.
    @usableFromInline
    func respond<Context: CQRSRequestContext>(to request: Request, _ context: Context, failure error: OperationError) -> Response {
        let status = configuration.status(of: error.code, on: route)
        guard status.code < 500 else {
            context.logger.error("\(route.operation) failed: \(error.code): \(error.message)")
            return problem(status, error.code, ProblemDetails.serverFailureDetail(status), request.uri.path).response()
        }
        var refusal = problem(status, error.code, error.message, request.uri.path)
        if !error.violations.isEmpty {
            // Each field under its name where the request carries it, as a binding problem names it.
            let parameters = error.violations.map { violation in
                let parameter = route.parameters.first { $0.field == violation.field }
                let (name, location) = parameter?.wire ?? (violation.field, "body")
                return ProblemDetails.InvalidParameter(name: name, in: location, reason: violation.reason)
            }
            refusal.invalidParameters = parameters
            refusal.detail = parameters.map { "'\($0.name)' \($0.reason)" }.joined(separator: "; ") + "."
        }
        return refusal.response()
    }

    @usableFromInline
    func problem(_ status: HTTPResponse.Status, _ code: String, _ detail: String, _ path: String) -> ProblemDetails {
        ProblemDetails(status: status, code: code, detail: detail, typeBase: configuration.problemTypeBase, instance: path)
    }

    /// A problem the adapter answers with itself, with one of its own codes.
    @usableFromInline
    func problem(_ status: HTTPResponse.Status, _ code: HTTPProblemCode, _ detail: String, _ path: String) -> ProblemDetails {
        problem(status, code.rawValue, detail, path)
    }

    /// A request that could not be read: 404 when a path parameter cannot be read, since the path then names nothing;
    /// otherwise 400, naming every field.
    @usableFromInline
    func problem(_ error: HTTPBindingError, _ path: String) -> ProblemDetails {
        if error.problems.contains(where: { if case .path = $0.source { true } else { false } }) {
            return problem(.notFound, .notFound, "Nothing is found at this path.", path)
        }
        let parameters = error.problems.map { problem -> ProblemDetails.InvalidParameter in
            let (name, location) = problem.source.map { HTTPParameter(field: problem.field ?? "body", source: $0, isRequired: true).wire }
                ?? (problem.field ?? "body", "body")
            let reason = switch problem.reason {
            case .missing: "is missing"
            case .invalid(let expected): "must be \(expected)"
            case .malformedBody: "must be a JSON object"
            }
            return ProblemDetails.InvalidParameter(name: name, in: location, reason: reason)
        }
        let detail = parameters.map { "'\($0.name)' (\($0.in)) \($0.reason)" }.joined(separator: "; ")
        var refusal = problem(.badRequest, .invalidRequest, "The request cannot be read: \(detail).", path)
        refusal.invalidParameters = parameters
        return refusal
    }
}

/// The headers of every JSON result.
@usableFromInline let jsonHeaders: HTTPFields = [.contentType: "application/json"]
