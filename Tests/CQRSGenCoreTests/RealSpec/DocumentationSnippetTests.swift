import Foundation
import Testing

/// The README's and the articles' code cannot drift from code that compiles: a block marked
/// `<!-- snippet: PATH -->` must appear, as it is, in that file (the examples and the App, which CI builds and
/// tests), and no Swift block may use what only this repository's App has.
@Suite("Documentation snippets")
struct DocumentationSnippetTests {
    struct Block {
        var document: String
        var language: String
        var text: String
        var snippetPath: String?
    }

    static var documents: [String] {
        let folder = "Sources/CQRSGenCore/Documentation.docc"
        let articles = (try? FileManager.default.contentsOfDirectory(atPath: PackageRoot.url.appendingPathComponent(folder).path)) ?? []
        return ["README.md"] + articles.filter { $0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Every fenced block of a Markdown document, with the snippet marker on the line before it, if any.
    static func blocks(in document: String) throws -> [Block] {
        let text = try String(contentsOf: PackageRoot.url.appendingPathComponent(document), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("```"), line.count > 3 else {
                index += 1
                continue
            }
            let indent = lines[index].prefix { $0 == " " }.count
            var body: [String] = []
            index += 1
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != "```" {
                body.append(String(lines[index].dropFirst(min(indent, lines[index].prefix { $0 == " " }.count))))
                index += 1
            }
            let opening = lines[index - body.count - 1]
            let previous = index - body.count - 2 >= 0 ? lines[index - body.count - 2].trimmingCharacters(in: .whitespaces) : ""
            var path: String?
            if previous.hasPrefix("<!-- snippet: "), previous.hasSuffix(" -->") {
                path = String(previous.dropFirst("<!-- snippet: ".count).dropLast(" -->".count))
            }
            blocks.append(Block(
                document: document, language: String(opening.trimmingCharacters(in: .whitespaces).dropFirst(3)),
                text: body.joined(separator: "\n"), snippetPath: path))
            index += 1
        }
        return blocks
    }

    @Test("every marked block is the named file's own text")
    func snippetsMatchTheirFiles() throws {
        var checked = 0
        for document in Self.documents {
            for block in try Self.blocks(in: document) {
                guard let path = block.snippetPath else { continue }
                let file = try String(contentsOf: PackageRoot.url.appendingPathComponent(path), encoding: .utf8)
                #expect(file.contains(block.text), "\(document): the block marked \(path) is not in that file")
                checked += 1
            }
        }
        #expect(checked >= 15)
    }

    @Test("the article on adopting cqrs-gen takes every Swift and YAML block from a file")
    func adoptionArticleIsAllSnippets() throws {
        let blocks = try Self.blocks(in: "Sources/CQRSGenCore/Documentation.docc/AdoptingCQRSGen.md")
        for block in blocks where ["swift", "yaml"].contains(block.language) {
            #expect(block.snippetPath != nil, "an unmarked \(block.language) block: \(block.text.prefix(60))")
        }
    }

    @Test("no Swift block uses what only this repository's App has")
    func onlyPublicAPI() throws {
        let appOnly = [
            "Dispatcher", "ServerFixture", "context.operations", "DatabaseRequestScope", "DispatchServices", ".userNotFound",
            ".Handler(",
        ]
        for document in Self.documents {
            for block in try Self.blocks(in: document) where block.language == "swift" {
                // Whole names only: the runtime's public OperationDispatcher, or a `catalogDispatcher`, is not the
                // App's own Dispatcher.
                for name in appOnly {
                    #expect(!Self.containsWord(name, in: block.text), "\(document) uses \(name), which an outside package does not have")
                }
            }
        }
    }

    /// Whether `word` occurs in `text` with no letter, digit or underscore right before or after it.
    static func containsWord(_ word: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            let isWordCharacter = { (character: Character) in character.isLetter || character.isNumber || character == "_" }
            // A name that starts or ends with punctuation (`.userNotFound`, `.Handler(`) bounds itself on that side.
            let startsBounded = !(word.first.map(isWordCharacter) ?? false) || !isWordCharacter(before)
            let endsBounded = !(word.last.map(isWordCharacter) ?? false) || !isWordCharacter(after)
            if startsBounded && endsBounded { return true }
            searchStart = range.upperBound
        }
        return false
    }
}
