/// `openapi.json`: the OpenAPI 3.1 document of the spec's routes, written beside the catalogue into committed copies,
/// for reviewers and for validators and API testers. The same text is compiled into `CQRSRoutes.swift`, for a
/// server to publish.
struct OpenAPIFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.openAPIFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        for line in OpenAPIDocument(context: context).json().text().split(separator: "\n", omittingEmptySubsequences: false) {
            writer.unindentedLine(String(line))
        }
    }
}
