import Hummingbird
import NIOCore

extension RouterMethods {
    /// Publishes `document`, the generated `OperationRoutes.openAPIDocument`, at `path` as `application/json`: what
    /// clients, code generators and API testers read.
    @discardableResult
    public func addOpenAPIDocument(_ document: String, at path: RouterPath = "/openapi.json") -> Self {
        let body = ByteBuffer(string: document)
        return get(path) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: body))
        }
    }
}
