// A floor under any generator written in Swift over libyaml: parse every event, as the C baseline does, and make each
// scalar a Swift `String`, which a reader must do before it can decode anything. No tree, no spec, no output.
//
//     ScalarStrings SPEC
//
// Prints the number of events and scalars, so that the work cannot be optimised away and a run can be checked.
import LibYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

guard CommandLine.arguments.count == 2, let file = fopen(CommandLine.arguments[1], "rb") else {
    print("usage: ScalarStrings SPEC")
    exit(2)
}
var parser = yaml_parser_t()
yaml_parser_initialize(&parser)
yaml_parser_set_input_file(&parser, file)
var event = yaml_event_t()
var events = 0
// Kept, as a reader keeps them until it has decoded the spec.
var scalars: [String] = []
var done = false
while !done {
    guard yaml_parser_parse(&parser, &event) == 1 else {
        print("\(CommandLine.arguments[1]): error: the YAML does not parse")
        exit(1)
    }
    if event.type == YAML_SCALAR_EVENT {
        let bytes = UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
        scalars.append(String(decoding: bytes, as: UTF8.self))
    }
    done = event.type == YAML_STREAM_END_EVENT
    yaml_event_delete(&event)
    events += 1
}
yaml_parser_delete(&parser)
fclose(file)
print("\(events) events, \(scalars.count) scalars")
