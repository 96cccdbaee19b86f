/*
 * The baseline cqrs-gen is measured against: read a YAML file with libyaml's event API and do nothing else.
 * Prints the number of events, so that the work cannot be optimised away and a run can be checked.
 *
 *     cc -O2 -o libyaml-parse libyaml-parse.c $(pkg-config --cflags --libs yaml-0.1)
 */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: libyaml-parse FILE\n");
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (!file) {
        perror(argv[1]);
        return 2;
    }
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, file);
    long events = 0;
    int done = 0;
    while (!done) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%zu:%zu: error: %s\n", argv[1], parser.problem_mark.line + 1, parser.problem_mark.column + 1,
                    parser.problem ? parser.problem : "unknown");
            yaml_parser_delete(&parser);
            fclose(file);
            return 1;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
    }
    yaml_parser_delete(&parser);
    fclose(file);
    printf("%ld events\n", events);
    return 0;
}
