import Foundation
import Hummingbird
import NIOCore

/// Statement imports: the file is the request body, as `curl --data-binary @statement.ofx` sends it, and its format
/// comes from `?format=` or the file name's extension.
enum ImportRoutes {
    static func add(to api: RouterGroup<AppRequestContext>) {
        api.post("imports") { request, context in
            let caller = try context.authenticatedClaims()
            let fileName = request.uri.queryParameters.get("file_name") ?? "statement"
            let formatText = request.uri.queryParameters.get("format")
                ?? fileName.split(separator: ".").last.map { String($0).lowercased() } ?? ""
            guard let format = ImportFileFormat(rawValue: formatText.lowercased()) else {
                throw Problem.invalidRequest("Say the file's format with ?format=csv, ofx or qfx, or a file_name with that extension.")
            }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: ImportFromFileHandler.maximumFileSize)
            } catch {
                throw Problem(
                    .contentTooLarge, code: "invalid_file",
                    detail: "The file is larger than \(ImportFromFileHandler.maximumFileSize >> 20) MiB.")
            }
            let result = try await context.operations.run(ImportFromFile(
                userId: caller.userId, providerSlug: request.uri.queryParameters.get("provider") ?? SandboxProvider.slug,
                fileContent: Data(body.readableBytesView), fileFormat: format, fileName: fileName))
            return JSONBody(result, status: .created)
        }
    }
}
