import Testing

@testable import CQRSGenCore

@Suite("Did you mean: suggestions by edit distance")
struct SuggestionTests {
    @Test("edits, including swaps of neighbours, cost one each", arguments: [
        ("short", "short", 0), ("shrot", "short", 1), ("sesion", "session", 1), ("UUIDD", "UUID", 1),
        ("", "abc", 3), ("kitten", "sitting", 3), ("ab", "ba", 1), ("abc", "ca", 3),
    ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(a, b) == distance)
        #expect(Suggestion.editDistance(b, a) == distance)
    }

    @Test("the closest candidate within a third of the word's length is offered")
    func closest() {
        let keys = ["category", "description", "fields", "result", "handler"]
        #expect(Suggestion.closest(to: "categroy", among: keys) == "category")
        #expect(Suggestion.closest(to: "Description", among: keys) == "description")
        #expect(Suggestion.closest(to: "handlr", among: keys) == "handler")
        #expect(Suggestion.closest(to: "zzz", among: keys) == nil)
        #expect(Suggestion.closest(to: "category", among: keys) == nil, "an exact match is not a suggestion")
        #expect(Suggestion.didYouMean("reslt", among: keys) == "; did you mean 'result'?")
        #expect(Suggestion.didYouMean("nothing", among: keys) == "")
    }

    @Test("the nearest of several candidates wins, the first among equals")
    func nearestWins() {
        #expect(Suggestion.closest(to: "medum", among: ["none", "short", "medium", "long"]) == "medium")
        #expect(Suggestion.closest(to: "cat", among: ["bat", "car"]) == "bat")
    }
}
