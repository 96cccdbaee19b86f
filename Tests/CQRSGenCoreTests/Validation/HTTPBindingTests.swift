import CQRS
import Testing

@testable import CQRSGenCore

/// An operation's `http`: the route's shape is checked as it is decoded, and how it fits the operation's fields and
/// the other routes by one rule each, every problem at its own position.
@Suite("HTTP bindings in the spec")
struct HTTPBindingTests {
    static let header = """
        version: 1
        categories: {items: Items.}

        """

    @Test("a binding that fits decodes into its route, sources, policies and defaults")
    func decodes() throws {
        let outcome = SpecLoader().load(Self.header + """
            commands:
              RenameItem:
                category: items
                description: Rename an item.
                fields: {itemId: UUID, name: String, userId: UUID, requestId: String?, dryRun: {type: Bool, default: false}}
                http:
                  route: PATCH /api/v1/items/{itemId}
                  status: 200
                  auth: {role: editor}
                  fields: {userId: caller, requestId: {header: X-Request-Id}, dryRun: {query: dry_run}}
                  errors: {item_not_found: 404, name_taken: 409}
                  rateLimit: {requests: 10, per: minute, by: caller}
                  idempotent: true
                  deprecated: {replacement: RenameItem2}
                  tags: [items, editing]
              RenameItem2:
                category: items
                description: Rename an item.
                fields: {itemId: UUID, name: String}
                http:
                  route: PUT /api/v2/items/{itemId}
                  auth: public
            """)
        #expect(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics) == "")
        let spec = try #require(outcome.validSpec)
        let http = try #require(spec.commands[0].http)
        #expect(http.method.value == .patch)
        #expect(http.path.value == "/api/v1/items/{itemId}")
        #expect(http.pathParameters.map(\.value) == ["itemId"])
        #expect(http.pathParameters[0].location == SourceLocation(line: 9, column: 34))
        #expect(http.auth.value == .role("editor"))
        #expect(http.errors.map { "\($0.code.value)=\($0.status.value)" } == ["item_not_found=404", "name_taken=409"])
        #expect(http.rateLimits.map(\.value) == [HTTPRateLimit(requests: 10, period: .minute, key: .caller)])
        #expect(http.deprecation?.value?.value == "RenameItem2")
        #expect(http.tags.map(\.value) == ["items", "editing"])
        let sources = http.sources(of: spec.commands[0].fields).map { "\($0.field.name):\($0.source.rawValue)" }
        #expect(sources == ["itemId:path", "name:body", "userId:caller", "requestId:header", "dryRun:query"])
        #expect(http.fields[1].wireName?.value == "X-Request-Id")
        let second = try #require(spec.commands[1].http)
        #expect(second.auth.value == .anonymous)
        #expect(second.routeShape == "/api/v2/items/{}")
    }

    @Test("a route's shape is refused at the character that breaks it")
    func routeShape() {
        expectDiagnostics(Self.header + """
            queries:
              GetItem:
                category: items
                description: X.
                fields: {itemId: UUID}
                result: UUID
                http:
                  route: 1️⃣get /items/{itemId}
              GetItems:
                category: items
                description: X.
                result: UUID
                http:
                  route: 2️⃣FETCH /items
              GetItemA:
                category: items
                description: X.
                result: UUID
                http:
                  route: GET 3️⃣items
              GetItemB:
                category: items
                description: X.
                fields: {itemId: UUID}
                result: UUID
                http:
                  route: GET /items/4️⃣item-{itemId}
              GetItemC:
                category: items
                description: X.
                result: UUID
                http:
                  route: GET /items/5️⃣{item_id}
              GetItemD:
                category: items
                description: X.
                result: UUID
                http:
                  route: "GET /items6️⃣?all=true"
              GetItemE:
                category: items
                description: X.
                result: UUID
                http:
                  route: GET /items/7️⃣/all
              GetItemF:
                category: items
                description: X.
                result: UUID
                http:
                  route: 8️⃣/items
              GetItemG:
                category: items
                description: X.
                result: UUID
                9️⃣http: {status: 200}
            """, [
            .error("1️⃣", "'route' of query 'GetItem' starts with 'get', which is not a method; expected 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'; write it in capitals: 'GET'"),
            .error("2️⃣", "'route' of query 'GetItems' starts with 'FETCH', which is not a method; expected 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'"),
            .error("3️⃣", "the path of 'route' of query 'GetItemA' must start with '/'"),
            .error("4️⃣", "a parameter of 'route' of query 'GetItemB' must be a whole segment, '{name}'; 'item-{itemId}' is not"),
            .error("5️⃣", "path parameter 'item_id' of 'route' of query 'GetItemC' must name a field, in lowerCamelCase"),
            .error("6️⃣", "the path of 'route' of query 'GetItemD' contains '?': a path is its segments only, without a query or escapes"),
            .error("7️⃣", "the path of 'route' of query 'GetItemE' has an empty segment"),
            .error("8️⃣", "'route' of query 'GetItemF' must be a method and a path separated by a space, as in 'GET /items/{id}'"),
            .error("9️⃣", "'http' of query 'GetItemG' has no 'route' (a method and a path: 'GET /api/v1/items/{id}')"),
        ])
    }

    @Test("policies are checked for their shape: statuses, auth, errors, rate limits, deprecation")
    func policies() {
        expectDiagnostics(Self.header + """
            commands:
              DeleteItem:
                category: items
                description: X.
                fields: {itemId: UUID}
                http:
                  route: DELETE /items/{itemId}
                  status: 1️⃣404
                  auth: 2️⃣admin
                  errors: {3️⃣ItemMissing: 404, item_locked: 4️⃣200}
                  rateLimit: {requests: 5️⃣0, per: minute}
                  6️⃣idempotence: true
              ArchiveItem:
                category: items
                description: X.
                fields: {itemId: UUID}
                http:
                  route: POST /items/{itemId}/archive
                  rateLimit: {requests: 5, per: 7️⃣minutes}
                  deprecated: {replacement: 8️⃣DeleteItems}
            """, [
            .error("1️⃣", "'status' of 'http' of command 'DeleteItem' must be a success status, 200 to 299, not 404"),
            .error("2️⃣", "'auth' of 'http' of command 'DeleteItem' must be 'public', 'authenticated', '{role: name}' or '{permission: name}', not 'admin'"),
            .error("3️⃣", "error code 'ItemMissing' in 'http' of command 'DeleteItem' must be snake_case, as OperationError codes are"),
            .error("4️⃣", "error 'item_locked' in 'http' of command 'DeleteItem' must answer with an error status, 400 to 599, not 200"),
            .error("5️⃣", "'requests' of 'rateLimit' of 'http' of command 'DeleteItem' must be at least 1, not 0"),
            .error("6️⃣", "unknown key 'idempotence' in 'http' of command 'DeleteItem'; did you mean 'idempotent'?"),
            .error("7️⃣", "'per' of 'rateLimit' of 'http' of command 'ArchiveItem' must be one of 'second', 'minute', 'hour', 'day', not 'minutes'; did you mean 'minute'?"),
            .error("8️⃣", "the replacement of deprecated command 'ArchiveItem' is 'DeleteItems', which is not an operation; did you mean 'DeleteItem'?"),
        ])
    }

    @Test("every path parameter names a field; each field is bound once, from where it can be read")
    func fieldSources() {
        expectDiagnostics(Self.header + """
            types:
              Filter: {fields: {text: String}}
            queries:
              🅰️GetItem:
                category: items
                description: X.
                fields: {itemId: UUID, filter: 1️⃣Filter, tags: "[String]"}
                result: UUID
                http:
                  route: GET /items/2️⃣{itemID}/3️⃣{itemId}
                  fields: {4️⃣itemIdd: query, itemId: 5️⃣query, tags: {6️⃣header: X-Tags}}
            commands:
              MoveItem:
                category: items
                description: X.
                fields: {itemId: UUID, to: UUID}
                http:
                  route: POST 🅱️/items/move
                  fields: {itemId: 7️⃣path}
              DeleteItem:
                category: items
                description: X.
                fields: {itemId: UUID, reason: String}
                http:
                  route: DELETE /items/{itemId}
                  fields: {reason: 8️⃣body}
            """, [
            .error("1️⃣", "field 'filter: Filter' of query 'GetItem' cannot come from the query: the query carries single values; a GET request reads its fields from the query string"),
            .error("2️⃣", "path parameter '{itemID}' of query 'GetItem' names no field; did you mean 'itemId'?", notes: [("🅰️", "the fields of 'GetItem' are declared here")]),
            .error("4️⃣", "'fields' of the route of query 'GetItem' binds 'itemIdd', which is not one of its fields; did you mean 'itemId'?"),
            .error("5️⃣", "field 'itemId' of query 'GetItem' is bound twice: by the path's '{itemId}' and to the query", notes: [("3️⃣", "the path binds it here")]),
            .error("6️⃣", "field 'tags: [String]' of query 'GetItem' cannot come from the header: the header carries single values"),
            .error("7️⃣", "field 'itemId' of command 'MoveItem' is bound to the path, but the route has no '{itemId}'", notes: [("🅱️", "the route is here")]),
            .error("8️⃣", "field 'reason' of command 'DeleteItem' is bound to the body, but a DELETE request has none"),
        ])
    }

    @Test("routes fit their operations and each other: callers need authentication, routes are unique, GET changes nothing")
    func routesFit() {
        expectDiagnostics(Self.header + """
            commands:
              CreateItem:
                category: items
                description: X.
                fields: {name: String, ownerId: UUID, note: Int}
                result: 9️⃣UUID
                http:
                  route: 🅰️POST /items
                  status: 1️⃣204
                  auth: 🅱️public
                  fields: {ownerId: 2️⃣caller}
              ImportItem:
                category: items
                description: X.
                fields: {ownerId: 3️⃣Int}
                http:
                  route: 4️⃣POST /items
                  fields: {ownerId: caller}
              ArchiveItem:
                category: items
                description: X.
                fields: {itemId: UUID}
                http:
                  route: 5️⃣GET /items/{itemId}/archive
                  deprecated: {replacement: 6️⃣ArchiveItem}
              RestoreItem:
                category: items
                description: X.
                fields: {itemId: UUID}
                http:
                  route: POST /items/{itemId}/restore
                  deprecated: {replacement: 7️⃣PurgeItem}
              🔟PurgeItem: {category: items, description: X.}
            queries:
              GetItem:
                category: items
                description: X.
                fields: {id: UUID}
                result: UUID
                http:
                  route: 8️⃣GET /items/{id}/archive
            """, [
            .error("1️⃣", "the route of command 'CreateItem' answers 204 No Content, but the operation returns 'UUID'; add 'response: none' to drop it", notes: [("9️⃣", "the result is declared here")]),
            .error("2️⃣", "field 'ownerId' of command 'CreateItem' is bound to the caller, but its route is public: there is no caller", notes: [("🅱️", "the route is made public here")]),
            .error("3️⃣", "field 'ownerId' of command 'ImportItem' is bound to the caller, so it holds the caller's id: 'String' or 'UUID', not 'Int'"),
            .error("4️⃣", "command 'ImportItem' has the route POST /items, which command 'CreateItem' already has", notes: [("🅰️", "'CreateItem' is routed here")]),
            .error("5️⃣", "command 'ArchiveItem' cannot be served by GET, which must not change anything; use POST, PUT, PATCH or DELETE"),
            .error("6️⃣", "the replacement of deprecated command 'ArchiveItem' is the operation itself"),
            .error("7️⃣", "the replacement of deprecated command 'RestoreItem' is 'PurgeItem', which has no route: clients could not move to it", notes: [("🔟", "'PurgeItem' is declared here")]),
            .error("8️⃣", "query 'GetItem' has the route GET /items/{id}/archive, which command 'ArchiveItem' already has", notes: [("5️⃣", "'ArchiveItem' is routed here")]),
        ])
    }

    @Test("fields may come from the caller's claims, the client's address or nothing; limits may be several, and by a field")
    func contextSourcesAndLimits() throws {
        let outcome = SpecLoader().load(Self.header + """
            commands:
              RequestReset:
                category: items
                description: X.
                fields: {email: String, sessionId: UUID, address: String?, reason: {type: String, default: asked}}
                http:
                  route: POST /resets
                  fields: {sessionId: {caller: sessionId}, address: client, reason: default}
                  rateLimit:
                    - {requests: 3, per: minute}
                    - {requests: 5, per: hour, by: {field: email}}
            """)
        #expect(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics) == "")
        let spec = try #require(outcome.validSpec)
        let http = try #require(spec.commands[0].http)
        #expect(http.rateLimits.map(\.value) == [
            HTTPRateLimit(requests: 3, period: .minute, key: .address),
            HTTPRateLimit(requests: 5, period: .hour, key: .field("email")),
        ])
        let sources = http.sources(of: spec.commands[0].fields).map { "\($0.field.name):\($0.source.rawValue)" }
        #expect(sources == ["email:body", "sessionId:caller", "address:client", "reason:default"])
        #expect(http.callerClaim(of: "sessionId") == "sessionId")
        #expect(http.callerClaim(of: "email") == nil)
    }

    @Test("context sources and limits are checked: a default to keep, text to read, a caller to count, a field to count by")
    func contextSourceProblems() {
        expectDiagnostics(Self.header + """
            commands:
              RequestReset:
                category: items
                description: X.
                fields: {email: String, when: 1️⃣Int, address: 2️⃣UUID, tags: "[String]"}
                http:
                  route: POST /resets
                  auth: 🅰️public
                  fields: {when: 4️⃣default, address: client, tags: {3️⃣caller: tags}, email: {5️⃣cookie: e}}
                  rateLimit:
                    - 6️⃣{requests: 3, per: minute, by: caller}
                    - 7️⃣{requests: 5, per: hour, by: {field: mail}}
                    - {requests: 5, per: hour, by: 8️⃣everyone}
              ConfirmReset:
                category: items
                description: X.
                fields: {tags: 9️⃣"[String]"}
                http:
                  route: POST /resets/confirmations
                  fields: {tags: {caller: tags}}
            """, [
            .error("2️⃣", "field 'address' of command 'RequestReset' is bound to the client's address, which is text: 'String' or 'String?', not 'UUID'"),
            .error("4️⃣", "field 'when' of command 'RequestReset' is bound to 'default', but has none: give it a default, or read it from the request", notes: [("1️⃣", "the field is declared here")]),
            .error("3️⃣", "field 'tags' of command 'RequestReset' is bound to the caller's claim 'tags', but its route is public: there is no caller", notes: [("🅰️", "the route is made public here")]),
            .error("5️⃣", "unknown source 'cookie' for the source of field 'email' in 'http' of command 'RequestReset'; expected one of 'query', 'header', 'body', 'caller', 'value'"),
            .error("6️⃣", "a rate limit of the route of command 'RequestReset' counts by caller, but the route is public: there is no caller; count by address", notes: [("🅰️", "the route is made public here")]),
            .error("7️⃣", "a rate limit of the route of command 'RequestReset' counts by field 'mail', which is not one of its fields; did you mean 'email'?"),
            .error("8️⃣", "'by' of 'rateLimit' of 'http' of command 'RequestReset' must be 'address', 'caller' or '{field: name}', not 'everyone'"),
            .error("9️⃣", "field 'tags' of command 'ConfirmReset' is bound to the caller's claim 'tags', which is text: '[String]' cannot be read from it"),
        ])
    }

    @Test("a route may set a field's value, and answer nothing or its result under one member")
    func valuesAndResponses() throws {
        let outcome = SpecLoader().load(Self.header + """
            commands:
              RevokeItem:
                category: items
                description: X.
                fields: {itemId: UUID, reason: String, attempts: {type: Int, default: 1}}
                result: UUID
                http:
                  route: DELETE /items/{itemId}
                  fields: {reason: {value: revoked_by_user}, attempts: {value: 3}}
                  response: none
              PurgeItems:
                category: items
                description: X.
                result: Int
                http:
                  route: DELETE /items
                  response: {field: purgedCount, with: {message: "Purged, for good."}}
            """)
        #expect(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics) == "")
        let spec = try #require(outcome.validSpec)
        let revoke = try #require(spec.commands[0].http), purge = try #require(spec.commands[1].http)
        #expect(revoke.sources(of: spec.commands[0].fields).map(\.source) == [.path, .value, .value])
        #expect(revoke.fields.map { $0.fixedValue?.scalar?.value } == ["revoked_by_user", "3"])
        #expect(revoke.response?.value == .empty)
        #expect(revoke.successStatus(hasResult: true) == 204, "a route that answers nothing answers 204")
        guard case .member(let member, let fixed) = purge.response?.value else {
            Issue.record("the purge route answers its result under a member")
            return
        }
        #expect(member.value == "purgedCount")
        #expect(fixed.map(\.name.value) == ["message"] && fixed.map(\.text.value) == ["Purged, for good."])
        #expect(purge.successStatus(hasResult: true) == 200)
    }

    @Test("a value must fit its field and be given; a member needs a result, and a name like a field's")
    func valueAndResponseProblems() {
        expectDiagnostics(Self.header + """
            commands:
              RevokeItem:
                category: items
                description: X.
                fields: {itemId: UUID, attempts: Int, note: String}
                http:
                  route: DELETE /items/{itemId}
                  fields: {attempts: {value: 1️⃣three}, note: 2️⃣value}
                  response: {field: 3️⃣count}
              PurgeItems:
                category: items
                description: X.
                result: Int
                http:
                  route: DELETE /items
                  response: {field: 4️⃣Purged_count, with: {🅰️Purged_count: Twice., 🅱️Note: Once.}}
              ArchiveItems:
                category: items
                description: X.
                result: 7️⃣Int
                http:
                  route: POST /archives
                  status: 5️⃣204
                  response: 6️⃣nothing
            """, [
            .error("1️⃣", "the value the route of command 'RevokeItem' sets for field 'attempts' does not fit its type 'Int': 'three' is not a whole number"),
            .error("2️⃣", "the source of field 'note' in 'http' of command 'RevokeItem' must give the value: '{value: …}'"),
            .error("3️⃣", "the route of command 'RevokeItem' puts the result under 'count', but the operation returns none"),
            .error("4️⃣", "the member 'Purged_count' the route of command 'PurgeItems' answers with must be lowerCamelCase, like a field; the configuration's 'http.wireNames' spells it on the wire"),
            .error("🅰️", "the member 'Purged_count' the route of command 'PurgeItems' answers with must be lowerCamelCase, like a field; the configuration's 'http.wireNames' spells it on the wire"),
            .error("🅰️", "the member 'Purged_count' of the route of command 'PurgeItems' holds the result; a text under 'with' cannot take its name"),
            .error("🅱️", "the member 'Note' the route of command 'PurgeItems' answers with must be lowerCamelCase, like a field; the configuration's 'http.wireNames' spells it on the wire"),
            .error("5️⃣", "the route of command 'ArchiveItems' answers 204 No Content, but the operation returns 'Int'; add 'response: none' to drop it", notes: [("7️⃣", "the result is declared here")]),
            .error("6️⃣", "'response' of 'http' of command 'ArchiveItems' must be 'result', 'none' or '{field: name}', not 'nothing'"),
        ])
    }

    @Test("a route may read its whole body into one field, up to its own limit, and days into dates and times")
    func contentAndDays() throws {
        let outcome = SpecLoader().load(Self.header + """
            commands:
              ImportItems:
                category: items
                description: X.
                fields: {file: Data, name: {type: String, default: items.csv}}
                http:
                  route: POST /imports
                  fields: {file: content, name: {query: file_name}}
                  bodyLimit: 5 MiB
            queries:
              ListItems:
                category: items
                description: X.
                fields: {from: Date, to: Date, at: {type: Date?, default: null}}
                result: Int
                http:
                  route: GET /items
                  fields: {from: {query: start, day: start}, to: {day: end}, at: header}
                  bodyLimit: 1500
            """)
        // A limit on a route that reads no body is refused; everything else fits.
        #expect(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics)
            == "spec.yaml:21:18: error: the route of query 'ListItems' has a 'bodyLimit', but reads nothing from the body")
        let spec = try #require(outcome.spec)
        let imports = try #require(spec.commands[0].http), items = try #require(spec.queries[0].http)
        #expect(imports.sources(of: spec.commands[0].fields).map(\.source) == [.content, .query])
        #expect(imports.bodyLimit?.value == 5 << 20 && items.bodyLimit?.value == 1500)
        #expect(HTTPBindingSpec.describeSize(5 << 20) == "5 MiB" && HTTPBindingSpec.describeSize(1500) == "1500 bytes")
        #expect(items.sources(of: spec.queries[0].fields).map(\.source) == [.query, .query, .header])
        #expect(["from", "to", "at"].map(items.day(of:)) == [.start, .end, nil])
        #expect(items.wireName(of: "from", source: .query, wireNames: .camelCase) == "start")
    }

    @Test("a whole body is one field of bytes or text, beside no member; a day is read into a date, from text; a limit is a size")
    func contentAndDayProblems() {
        expectDiagnostics(Self.header + """
            commands:
              ImportItems:
                category: items
                description: X.
                fields: {file: Data, copy: 1️⃣Int, owner: 2️⃣String, note: String}
                http:
                  route: POST /imports
                  fields: {file: 🅰️content, copy: 3️⃣content, note: 4️⃣body}
                  bodyLimit: 5️⃣5 MB
              DeleteItems:
                category: items
                description: X.
                fields: {file: Data, before: Date}
                http:
                  route: DELETE /items
                  fields: {file: 6️⃣content, before: {day: 7️⃣noon}}
                  bodyLimit: 8️⃣0
            queries:
              ListItems:
                category: items
                description: X.
                fields: {count: 9️⃣Int, at: Date}
                result: Int
                http:
                  route: GET /items
                  fields: {count: {🅱️day: start}, at: {caller: at, 🔟day: end}}
            """, [
            .error("1️⃣", "field 'copy' of command 'ImportItems' is the whole body, which is read as bytes or text: 'Data' or 'String', not 'Int'"),
            .error("2️⃣", "field 'owner' of command 'ImportItems' would be a member of a JSON body, but the body is field 'file'; bind 'owner' to the query string, a header or the path", notes: [("🅰️", "the body is bound here")]),
            .error("3️⃣", "field 'copy' of command 'ImportItems' is bound to the whole body, which field 'file' already is", notes: [("🅰️", "bound here")]),
            .error("4️⃣", "field 'note' of command 'ImportItems' is a member of a JSON body, but the body is field 'file'", notes: [("🅰️", "the body is bound here")]),
            .error("5️⃣", "'bodyLimit' of 'http' of command 'ImportItems' has the unit 'MB'; expected 'bytes', 'KiB', 'MiB', 'GiB'; did you mean 'MiB'?"),
            .error("6️⃣", "field 'file' of command 'DeleteItems' is the whole body, but a DELETE request has none"),
            .error("7️⃣", "'day' of the source of field 'before' in 'http' of command 'DeleteItems' must be one of 'start', 'end', not 'noon'"),
            .error("8️⃣", "'bodyLimit' of 'http' of command 'DeleteItems' must be at least 1 byte and at most 2 GiB, not '0'"),
            .error("🅱️", "'day' of field 'count' of query 'ListItems' reads a day as a date and time: the field must be 'Date' or 'Date?', not 'Int'", notes: [("9️⃣", "the field is declared here")]),
            .error("🔟", "'day' of field 'at' of query 'ListItems' reads a day written as text, but the field comes from the caller; a day is read from the path, the query string or a header"),
        ])
    }

    @Test("routes may share a method and a path when their parameters choose among them: each by its 'when', one otherwise")
    func variants() throws {
        let outcome = SpecLoader().load(Self.header + """
            queries:
              ListItems:
                category: items
                description: X.
                fields: {boardId: UUID}
                result: Int
                http:
                  route: GET /boards/{boardId}/items
              ListItemsByTag:
                category: items
                description: X.
                fields: {boardId: UUID, tag: String}
                result: Int
                http:
                  route: GET /boards/{boardId}/items
                  when: tag
              ListItemsBetween:
                category: items
                description: X.
                fields: {boardId: UUID, from: Date, to: Date}
                result: Int
                http:
                  route: GET /boards/{boardId}/items
                  when: [from, to]
            """)
        #expect(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics) == "")
        let spec = try #require(outcome.validSpec)
        let groups = HTTPBindingSpec.routeGroups(of: spec.queries)
        #expect(groups.map { $0.map(\.operation.name) } == [["ListItems", "ListItemsByTag", "ListItemsBetween"]])
        #expect(spec.queries.map { $0.http?.when.map(\.value) } == [[], ["tag"], ["from", "to"]])
    }

    @Test("routes that share a path are chosen by fields from the query or headers, each field once, one route otherwise, spelt alike")
    func variantProblems() {
        expectDiagnostics(Self.header + """
            queries:
              ListItems:
                category: items
                description: X.
                fields: {boardId: UUID, tag: String?}
                result: Int
                http:
                  route: 7️⃣GET 8️⃣/boards/{boardId}/items
                  when: 🅰️tag
              ListItemsByTag:
                category: items
                description: X.
                fields: {id: UUID, tag: String, owner: UUID}
                result: Int
                http:
                  route: GET 1️⃣/boards/{id}/items
                  when: [2️⃣tag, 3️⃣id, 4️⃣ownr, 5️⃣owner]
                  fields: {owner: caller}
              GetItem:
                category: items
                description: X.
                fields: {itemId: UUID, full: Bool}
                result: Int
                http:
                  route: GET /items/{itemId}
                  when: 6️⃣full
            """, [
            .error("7️⃣", "every route GET /boards/{boardId}/items is chosen by 'when', so a request with none of their fields has no route; leave 'when' out of the one that answers it"),
            .error("1️⃣", "query 'ListItemsByTag' shares its route with query 'ListItems', so it must name its parameters alike: '/boards/{boardId}/items'", notes: [("8️⃣", "'ListItems' is routed here")]),
            .error("2️⃣", "'when' of the route of query 'ListItemsByTag' names 'tag', which already chooses the route of query 'ListItems'", notes: [("🅰️", "chosen here")]),
            .error("3️⃣", "'when' of the route of query 'ListItemsByTag' names 'id', which comes from the path; a route is chosen by a query parameter or a header"),
            .error("4️⃣", "'when' of the route of query 'ListItemsByTag' names 'ownr', which is not one of its fields; did you mean 'owner'?"),
            .error("5️⃣", "'when' of the route of query 'ListItemsByTag' names 'owner', which comes from the caller; a route is chosen by a query parameter or a header"),
            .error("6️⃣", "the route of query 'GetItem' is chosen by 'when', but no other route is GET /items/{itemId}: leave 'when' out"),
        ])
    }

    @Test("two fields that choose routes by the same name on the wire are one, whatever their names in Swift")
    func variantWireNames() {
        expectDiagnostics(Self.header + """
            queries:
              ListItems:
                category: items
                description: X.
                fields: {boardId: UUID}
                result: Int
                http:
                  route: GET /boards/{boardId}/items
              ListItemsByTag:
                category: items
                description: X.
                fields: {boardId: UUID, tagName: String}
                result: Int
                http:
                  route: GET /boards/{boardId}/items
                  when: 🅰️tagName
              ListItemsByLabel:
                category: items
                description: X.
                fields: {boardId: UUID, label: String}
                result: Int
                http:
                  route: GET /boards/{boardId}/items
                  when: 1️⃣label
                  fields: {label: {query: tag_name}}
              ListItemsByKind:
                category: items
                description: X.
                fields: {boardId: UUID, kind: String}
                result: Int
                http:
                  route: GET /boards/{boardId}/items
                  when: 🅱️kind
                  fields: {kind: {header: X-Kind}}
              ListItemsBySort:
                category: items
                description: X.
                fields: {boardId: UUID, sort: String}
                result: Int
                http:
                  route: GET /boards/{boardId}/items
                  when: 2️⃣sort
                  fields: {sort: {header: x-kind}}
            """, conventions: { var conventions = ConventionsSpec(); conventions.wireNames = .snakeCase; return conventions }(), [
            .error("1️⃣", "'when' of the route of query 'ListItemsByLabel' names 'label' (query 'tag_name'), which already chooses the route of query 'ListItemsByTag'", notes: [("🅰️", "chosen here")]),
            .error("2️⃣", "'when' of the route of query 'ListItemsBySort' names 'sort' (header 'x-kind'), which already chooses the route of query 'ListItemsByKind'", notes: [("🅱️", "chosen here")]),
        ])
    }
}
