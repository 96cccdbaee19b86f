import CQRS

/// Decodes an operation's `http` mapping. Each value is checked for its shape here, at its position; how the binding
/// fits the operation's fields and the other routes is checked by the validation rules.
enum HTTPDecoding {
    static let keys = ["route", "status", "auth", "fields", "errors", "rateLimit", "idempotent", "deprecated", "tags", "response", "bodyLimit", "when"]
    /// The words `response` takes as a scalar, and the key of its mapping.
    static let responseWords = ["result", "none"]
    static let responseKeys = ["field", "with"]
    static let authKeys = ["role", "permission"]
    static let rateLimitKeys = ["requests", "per", "by"]
    static let deprecationKeys = ["replacement"]
    /// The words `by` takes as a scalar, and the key of its mapping.
    static let rateLimitKeyWords = ["address", "caller"]
    static let rateLimitFieldKeys = ["field"]
    /// The words `auth` takes as a scalar.
    static let authWords = ["public", "authenticated"]
    /// The key of a field's binding that says what a day written alone stands for.
    static let dayKey = "day"

    static func decode(_ entry: YAMLMappingEntry, owner: String, _ context: inout DecodingContext) -> HTTPBindingSpec? {
        let what = "'http' of \(owner)"
        guard let entries = context.mapping(entry.value, what, expected: "a mapping with 'route'") else { return nil }
        context.checkKeys(of: entries, in: what, allowed: keys)
        guard let routeNode = entries.value("route") else {
            context.error("\(what) has no 'route' (a method and a path: 'GET /api/v1/items/{id}')", at: entry.key.location)
            return nil
        }
        guard let route = decodeRoute(routeNode, what: "'route' of \(owner)", &context) else { return nil }

        var status: Located<Int>?
        if let node = entries.value("status"), let value = context.integer(node, "'status' of \(what)") {
            if (200...299).contains(value) {
                status = Located(value, at: node.location)
            } else {
                context.error("'status' of \(what) must be a success status, 200 to 299, not \(value)", at: node.location)
            }
        }
        return HTTPBindingSpec(
            method: route.method, path: route.path, pathParameters: route.parameters,
            fields: entries.value("fields").map { decodeFields($0, what: what, route: route, &context) } ?? [],
            status: status,
            auth: entries.value("auth").flatMap { decodeAuth($0, what: what, &context) }
                ?? Located(.authenticated, at: entry.key.location),
            errors: entries.value("errors").map { decodeErrors($0, what: what, &context) } ?? [],
            rateLimits: entries.value("rateLimit").map { decodeRateLimits($0, what: what, &context) } ?? [],
            idempotent: entries.value("idempotent").flatMap { node in
                context.bool(node, "'idempotent' of \(what)").map { Located($0, at: node.location) }
            },
            deprecation: entries.value("deprecated").flatMap { decodeDeprecation($0, what: what, &context) },
            tags: entries.value("tags").flatMap { context.stringList($0, "'tags' of \(what)", itemDescription: "tag names") } ?? [],
            response: entries.value("response").flatMap { decodeResponse($0, what: what, &context) },
            bodyLimit: entries.value("bodyLimit").flatMap { decodeSize($0, what: "'bodyLimit' of \(what)", &context) },
            when: entries.value("when").map { decodeWhen($0, what: "'when' of \(what)", &context) } ?? [],
            at: entry.key.location)
    }

    /// A field's name, or a list of them: the fields whose presence in a request chooses the route.
    static func decodeWhen(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> [Located<String>] {
        let nodes = node.sequence.map(Array.init) ?? [node]
        if nodes.isEmpty {
            context.error("\(what) is an empty list; name the fields whose presence chooses the route", at: node.location)
        }
        return nodes.compactMap { item in
            context.scalar(item, what, expected: "a field's name, or a list of them").map { Located($0.value, at: $0.location) }
        }
    }

    /// A size in bytes: a whole number of bytes, or a number and a unit (`5 MiB`, `64 KiB`); at least one byte.
    static func decodeSize(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> Located<Int>? {
        let units = HTTPBindingSpec.sizeUnits.map(\.name)
        let expected = "a number of bytes, or a number and a unit (" + units.map { "'\($0)'" }.joined(separator: ", ") + ")"
        guard let scalar = context.scalar(node, what, expected: expected) else { return nil }
        let words = scalar.value.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(words.count), let number = Int(words[0]) else {
            context.error("\(what) must be \(expected), as in '5 MiB', not '\(scalar.value)'", at: node.location)
            return nil
        }
        var multiple = 1
        if words.count == 2 {
            guard let unit = HTTPBindingSpec.sizeUnits.first(where: { $0.name == words[1] }) else {
                context.error(
                    "\(what) has the unit '\(words[1])'; expected " + units.map { "'\($0)'" }.joined(separator: ", ")
                        + Suggestion.didYouMean(String(words[1]), among: units),
                    at: node.location)
                return nil
            }
            multiple = unit.bytes
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiple)
        guard number > 0, !overflow, bytes <= Int(Int32.max) else {
            context.error("\(what) must be at least 1 byte and at most 2 GiB, not '\(scalar.value)'", at: node.location)
            return nil
        }
        return Located(bytes, at: node.location)
    }

    /// `result`, `none`, or `{field: name, with: {member: text}}`.
    static func decodeResponse(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> Located<HTTPBindingSpec.Response>? {
        let where_ = "'response' of \(what)"
        if let scalar = node.scalar, !scalar.isNull {
            switch scalar.value {
            case "result": return Located(.result, at: node.location)
            case "none": return Located(.empty, at: node.location)
            default:
                context.error(
                    "\(where_) must be 'result', 'none' or '{field: name}', not '\(scalar.value)'"
                        + Suggestion.didYouMean(scalar.value, among: responseWords),
                    at: node.location)
                return nil
            }
        }
        guard let entries = context.mapping(node, where_, expected: "'result', 'none' or '{field: name}'") else { return nil }
        context.checkKeys(of: entries, in: where_, allowed: responseKeys)
        guard let name = entries.value("field") else {
            context.error("\(where_) must name the member that holds the result: '{field: name}'", at: node.location)
            return nil
        }
        guard let scalar = context.scalar(name, "'field' of \(where_)", expected: "a member name") else { return nil }
        var fixed: [HTTPBindingSpec.FixedMember] = []
        if let with = entries.value("with"),
           let members = context.mapping(with, "'with' of \(where_)", expected: "a mapping of member names to text") {
            fixed = members.compactMap { member in
                context.text(member.value, "member '\(member.key.value)' of \(where_)").map { text in
                    HTTPBindingSpec.FixedMember(
                        name: Located(member.key.value, at: member.key.location), text: Located(text, at: member.value.location))
                }
            }
        }
        return Located(.member(Located(scalar.value, at: scalar.location), with: fixed), at: node.location)
    }

    // MARK: - Route

    struct Route {
        var method: Located<HTTPMethod>
        var path: Located<String>
        var parameters: [Located<String>]
    }

    /// `METHOD /path/{parameter}`: an upper-case method, one space, and a path of non-empty segments, each either
    /// text or one parameter in braces named like a field.
    static func decodeRoute(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> Route? {
        guard let scalar = context.scalar(node, what, expected: "a method and a path ('GET /api/v1/items/{id}')") else { return nil }
        let text = Array(scalar.value.unicodeScalars)
        // A position inside the route: exact when the text is written plainly on one line, else the route's start.
        func location(_ offset: Int) -> SourceLocation {
            guard scalar.isVerbatim else { return scalar.location }
            var location = scalar.location
            switch scalar.style {
            case .plain: location.column += offset
            case .singleQuoted, .doubleQuoted: location.column += offset + 1
            case .literal, .folded: break
            }
            return location
        }
        guard let space = text.firstIndex(of: " ") else {
            context.error("\(what) must be a method and a path separated by a space, as in 'GET /items/{id}'", at: scalar.location)
            return nil
        }
        let methodText = String(String.UnicodeScalarView(text[..<space]))
        guard let method = HTTPMethod(rawValue: methodText) else {
            let allowed = HTTPMethod.allCases.map(\.rawValue)
            let suggestion = HTTPMethod(rawValue: methodText.uppercased()).map { "; write it in capitals: '\($0.rawValue)'" }
                ?? Suggestion.didYouMean(methodText.uppercased(), among: allowed)
            context.error(
                "\(what) starts with '\(methodText)', which is not a method; expected "
                    + allowed.map { "'\($0)'" }.joined(separator: ", ") + suggestion,
                at: scalar.location)
            return nil
        }
        let pathStart = space + 1
        let path = Array(text[pathStart...])
        guard path.first == "/" else {
            context.error("the path of \(what) must start with '/'", at: location(pathStart))
            return nil
        }
        var parameters: [Located<String>] = []
        var valid = true
        var segmentStart = 1
        // Each segment between slashes: non-empty, and either plain text or exactly one `{name}`.
        while segmentStart <= path.count {
            let end = path[segmentStart...].firstIndex(of: "/") ?? path.count
            let segment = path[segmentStart..<end]
            let column = pathStart + segmentStart
            if segment.isEmpty {
                if end < path.count || path.count > 1 {
                    context.error("the path of \(what) has an empty segment", at: location(column))
                    valid = false
                }
            } else if let invalid = segment.first(where: { $0 == "?" || $0 == "#" || $0 == " " || $0 == "%" }) {
                context.error(
                    "the path of \(what) contains '\(invalid)': a path is its segments only, without a query or escapes",
                    at: location(pathStart + segment.firstIndex(of: invalid)!))
                valid = false
            } else if segment.contains("{") || segment.contains("}") {
                let name = String(String.UnicodeScalarView(segment.dropFirst().dropLast()))
                if segment.first != "{" || segment.last != "}" || name.contains("{") || name.contains("}") {
                    context.error(
                        "a parameter of \(what) must be a whole segment, '{name}'; '\(String(String.UnicodeScalarView(segment)))' is not",
                        at: location(column))
                    valid = false
                } else if !SwiftIdentifier.isLowerCamelCase(name) {
                    context.error(
                        "path parameter '\(name)' of \(what) must name a field, in lowerCamelCase",
                        at: location(column))
                    valid = false
                } else if parameters.contains(where: { $0.value == name }) {
                    context.error("path parameter '\(name)' appears twice in \(what)", at: location(column))
                    valid = false
                } else {
                    parameters.append(Located(name, at: location(column)))
                }
            }
            segmentStart = end + 1
        }
        guard valid else { return nil }
        return Route(
            method: Located(method, at: scalar.location),
            path: Located(String(String.UnicodeScalarView(path)), at: location(pathStart)),
            parameters: parameters)
    }

    // MARK: - Fields

    /// `field: source`, or `field: {source: wireName}`; either with `day: start` or `day: end` (`{day: end}` alone
    /// keeps the field's default source).
    static func decodeFields(
        _ node: YAMLNode, what: String, route: Route, _ context: inout DecodingContext
    ) -> [HTTPBindingSpec.FieldBinding] {
        guard let entries = context.mapping(node, "'fields' of \(what)", expected: "a mapping of field names to sources") else { return [] }
        let sources = HTTPBindingSpec.Source.allCases.map(\.rawValue)
        return entries.compactMap { entry -> HTTPBindingSpec.FieldBinding? in
            let field = Located(entry.key.value, at: entry.key.location)
            let where_ = "the source of field '\(entry.key.value)' in \(what)"
            if entry.value.scalar != nil {
                guard let source = context.choice(entry.value, where_, of: HTTPBindingSpec.Source.self) else { return nil }
                if source == .value {
                    context.error("\(where_) must give the value: '{value: …}'", at: entry.value.location)
                    return nil
                }
                return HTTPBindingSpec.FieldBinding(field: field, source: Located(source, at: entry.value.location), wireName: nil)
            }
            guard let mapping = context.mapping(entry.value, where_, expected: "a source, or '{source: name}'") else { return nil }
            // `day` qualifies the source; alone, it qualifies the field's default source.
            var day: Located<HTTPParameter.DayBoundary>?
            if let dayEntry = mapping.first(where: { $0.key.value == dayKey }) {
                guard let boundary = context.choice(dayEntry.value, "'day' of \(where_)", of: HTTPParameter.DayBoundary.self) else { return nil }
                day = Located(boundary, at: dayEntry.key.location)
            }
            let named = mapping.filter { $0.key.value != dayKey }
            if named.isEmpty, let day {
                // Where the field would come from unbound: its path parameter, else the body or the query string.
                let source = HTTPBindingSpec.defaultSource(for: entry.key.value, method: route.method.value, pathParameters: route.parameters)
                return HTTPBindingSpec.FieldBinding(field: field, source: Located(source, at: day.location), wireName: nil, day: day)
            }
            guard named.count == 1, let only = named.first else {
                context.error("\(where_) must name one source, as in '{query: file_name}'", at: entry.value.location)
                return nil
            }
            if only.key.value == HTTPBindingSpec.Source.value.rawValue {
                return HTTPBindingSpec.FieldBinding(
                    field: field, source: Located(.value, at: only.key.location), wireName: nil, fixedValue: only.value, day: day)
            }
            let namedSources = HTTPBindingSpec.Source.named.map(\.rawValue) + [HTTPBindingSpec.Source.value.rawValue]
            guard let source = HTTPBindingSpec.Source(rawValue: only.key.value), HTTPBindingSpec.Source.named.contains(source) else {
                context.error(
                    "unknown source '\(only.key.value)' for \(where_)"
                        + (Suggestion.closest(to: only.key.value, among: namedSources).map { "; did you mean '\($0)'?" }
                            ?? "; expected one of " + namedSources.map { "'\($0)'" }.joined(separator: ", "))
                        + (sources.contains(only.key.value) ? " ('\(only.key.value)' takes no name)" : ""),
                    at: only.key.location)
                return nil
            }
            let expected = source == .caller ? "the name of one of the caller's claims" : "a name on the wire"
            guard let name = context.scalar(only.value, "the name of \(where_)", expected: expected) else { return nil }
            return HTTPBindingSpec.FieldBinding(
                field: field, source: Located(source, at: only.key.location), wireName: Located(name.value, at: name.location), day: day)
        }
    }

    // MARK: - Policies

    /// `public`, `authenticated`, `{role: name}` or `{permission: name}`.
    static func decodeAuth(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> Located<HTTPAuthPolicy>? {
        let where_ = "'auth' of \(what)"
        if let scalar = node.scalar, !scalar.isNull {
            switch scalar.value {
            case "public": return Located(.anonymous, at: node.location)
            case "authenticated": return Located(.authenticated, at: node.location)
            default:
                context.error(
                    "\(where_) must be 'public', 'authenticated', '{role: name}' or '{permission: name}', not '\(scalar.value)'"
                        + Suggestion.didYouMean(scalar.value, among: authWords),
                    at: node.location)
                return nil
            }
        }
        guard let entries = context.mapping(node, where_, expected: "'public', 'authenticated', '{role: name}' or '{permission: name}'") else {
            return nil
        }
        context.checkKeys(of: entries, in: where_, allowed: authKeys)
        guard entries.count == 1, let only = entries.first, authKeys.contains(only.key.value) else {
            if entries.count != 1 { context.error("\(where_) must name one role or one permission", at: node.location) }
            return nil
        }
        guard let name = context.scalar(only.value, "the \(only.key.value) of \(where_)", expected: "a name") else { return nil }
        return Located(only.key.value == "role" ? .role(name.value) : .permission(name.value), at: node.location)
    }

    /// `code: status`, each status a client or server error, 400 to 599.
    static func decodeErrors(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> [HTTPBindingSpec.ErrorStatus] {
        guard let entries = context.mapping(node, "'errors' of \(what)", expected: "a mapping of error codes to statuses") else { return [] }
        return entries.compactMap { entry in
            guard SwiftIdentifier.isSnakeCase(entry.key.value) else {
                context.error(
                    "error code '\(entry.key.value)' in \(what) must be snake_case, as OperationError codes are",
                    at: entry.key.location)
                return nil
            }
            guard let status = context.integer(entry.value, "the status of error '\(entry.key.value)' in \(what)") else { return nil }
            guard (400...599).contains(status) else {
                context.error(
                    "error '\(entry.key.value)' in \(what) must answer with an error status, 400 to 599, not \(status)",
                    at: entry.value.location)
                return nil
            }
            return HTTPBindingSpec.ErrorStatus(code: Located(entry.key.value, at: entry.key.location), status: Located(status, at: entry.value.location))
        }
    }

    /// One limit, or a list of them: a request over any is refused.
    static func decodeRateLimits(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> [Located<HTTPRateLimit>] {
        guard let items = node.sequence else {
            return decodeRateLimit(node, what: what, &context).map { [$0] } ?? []
        }
        if items.isEmpty {
            context.error("'rateLimit' of \(what) is an empty list; leave it out for a route without limits", at: node.location)
        }
        return items.compactMap { decodeRateLimit($0, what: what, &context) }
    }

    /// `{requests: 5, per: minute, by: address}`; `by` is `address`, `caller` or `{field: name}`, and `address` by
    /// default.
    static func decodeRateLimit(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> Located<HTTPRateLimit>? {
        let where_ = "'rateLimit' of \(what)"
        guard let entries = context.mapping(node, where_, expected: "a mapping with 'requests' and 'per'") else { return nil }
        context.checkKeys(of: entries, in: where_, allowed: rateLimitKeys)
        guard let requestsNode = entries.value("requests"), let perNode = entries.value("per") else {
            context.error("\(where_) needs 'requests' and 'per', as in '{requests: 5, per: minute}'", at: node.location)
            return nil
        }
        guard let requests = context.integer(requestsNode, "'requests' of \(where_)") else { return nil }
        guard requests > 0 else {
            context.error("'requests' of \(where_) must be at least 1, not \(requests)", at: requestsNode.location)
            return nil
        }
        guard let period = context.choice(perNode, "'per' of \(where_)", of: HTTPRateLimit.Period.self) else { return nil }
        var key = HTTPRateLimit.Key.address
        if let byNode = entries.value("by") {
            guard let chosen = decodeRateLimitKey(byNode, where_: where_, &context) else { return nil }
            key = chosen
        }
        return Located(HTTPRateLimit(requests: requests, period: period, key: key), at: node.location)
    }

    /// `address`, `caller`, or `{field: name}`.
    static func decodeRateLimitKey(_ node: YAMLNode, where_: String, _ context: inout DecodingContext) -> HTTPRateLimit.Key? {
        let what = "'by' of \(where_)"
        if let scalar = node.scalar, !scalar.isNull {
            switch scalar.value {
            case "address": return .address
            case "caller": return .caller
            default:
                context.error(
                    "\(what) must be 'address', 'caller' or '{field: name}', not '\(scalar.value)'"
                        + Suggestion.didYouMean(scalar.value, among: rateLimitKeyWords),
                    at: node.location)
                return nil
            }
        }
        guard let entries = context.mapping(node, what, expected: "'address', 'caller' or '{field: name}'") else { return nil }
        context.checkKeys(of: entries, in: what, allowed: rateLimitFieldKeys)
        guard let fieldNode = entries.value("field") else {
            context.error("\(what) must name a field, as in '{field: email}'", at: node.location)
            return nil
        }
        guard let name = context.scalar(fieldNode, "the field of \(what)", expected: "a field's name") else { return nil }
        return .field(name.value)
    }

    /// `true`, or `{replacement: Operation}`.
    static func decodeDeprecation(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> Located<Located<String>?>? {
        let where_ = "'deprecated' of \(what)"
        if node.scalar != nil {
            guard let flag = context.bool(node, where_) else { return nil }
            return flag ? Located(nil, at: node.location) : nil
        }
        guard let entries = context.mapping(node, where_, expected: "true, or '{replacement: Operation}'") else { return nil }
        context.checkKeys(of: entries, in: where_, allowed: deprecationKeys)
        guard let replacementNode = entries.value("replacement") else { return Located(nil, at: node.location) }
        guard let name = context.scalar(replacementNode, "'replacement' of \(where_)", expected: "an operation name") else { return nil }
        return Located(Located(name.value, at: name.location), at: node.location)
    }
}
