#include "commands.hpp"

#include <barnplan/loader.hpp>
#include <barnplan/version.hpp>

#include <fmt/format.h>

#include <exception>
#include <string_view>

namespace barnplan::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> k_commands{
        {"validate", "Check plans against the format and their model's rules", &setup_validate},
        {"report", "Progress tables for meetings: terminal, JSON and more", &setup_report},
        {"diff", "What changed in meaning between two versions of a plan", &setup_diff},
        {"log", "A plan's history in meaning, commit by commit, from git", &setup_log},
        {"record", "Record a measurement, an action status, a goal level or a meeting", &setup_record},
        {"advance", "Move a plan to its next stage, checking the stage's gates", &setup_advance},
        {"calendar", "Every dated thing of the plans as an iCalendar (.ics) file", &setup_calendar},
        {"init", "Write a new plan skeleton with a comment on every field", &setup_init},
        {"schema", "Print the plan format as a JSON Schema for editors", &setup_schema},
        {"rules", "List every rule and check with its id and severity, and the gates of advance", &setup_rules},
        {"install-hook", "Install a git pre-commit hook that checks the staged plans", &setup_install_hook},
    };
    return k_commands;
}

namespace {

/// "did you mean" for a mistyped subcommand, before CLI11 says something vaguer.
int unknown_command(std::string_view word, const GlobalOptions& global)
{
    std::string best;
    std::size_t best_distance = 3;
    for (const Command& c : commands()) {
        const std::size_t d = edit_distance(word, c.name);
        if (d < best_distance) {
            best_distance = d;
            best = c.name;
        }
    }
    Text message{fmt::format("unknown command '{}'", word), fmt::format("okänt kommando '{}'", word)};
    if (!best.empty()) {
        message.en += fmt::format("; did you mean '{}'?", best);
        message.sv += fmt::format("; menade du '{}'?", best);
    } else {
        message.en += "; see 'barnplan --help'";
        message.sv += "; se 'barnplan --help'";
    }
    print_error(tool_language(global), message);
    return k_exit_usage;
}

} // namespace

int run(int argc, char** argv)
{
    GlobalOptions global;
    CLI::App app{"barnplan: keeps child-rights action plans as YAML files in git and checks them.\n"
                 "Exit status: 0 clean, 1 rule errors found (or warnings with --strict), 2 usage or I/O error.",
                 "barnplan"};
    app.set_version_flag("--version", std::string("barnplan ") + std::string(k_version));
    app.require_subcommand(0, 1);
    app.fallthrough();
    app.add_option("--lang", global.lang, "Language of messages: sv or en (default: the configuration's, the plan's, then LANG)")
        ->check(CLI::IsMember({"sv", "en"}));
    app.add_option("--color", global.color, "Colour: auto, always or never (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option("--today", global.today, "Take this date (YYYY-MM-DD) as today; SOURCE_DATE_EPOCH also works");
    app.add_option("--config", global.config,
                   "Use this configuration file instead of the .barnplan.yaml found (barnplan-config(5))")
        ->type_name("FILE");
    app.add_flag("--no-config", global.no_config, "Read no configuration file: every default");

    std::vector<std::pair<CLI::App*, Runner>> runners;
    for (const Command& c : commands()) {
        CLI::App* sub = app.add_subcommand(c.name, c.summary);
        sub->fallthrough();
        // CLI11 lists only a command's own options; say where the shared ones are.
        sub->footer("Global options, before or after the command: --lang sv|en, --color auto|always|never, "
                    "--today YYYY-MM-DD, --config FILE, --no-config (see 'barnplan --help').\nExit status: 0 clean, 1 findings, 2 usage or I/O error.");
        runners.emplace_back(sub, c.setup(*sub, global));
    }
    std::string help_topic;
    CLI::App* help = app.add_subcommand("help", "Show the help of a command");
    help->add_option("command", help_topic, "The command");

    if (argc > 1 && argv[1][0] != '-') {
        const std::string_view word = argv[1];
        bool known = word == "help";
        for (const Command& c : commands()) {
            known = known || word == c.name;
        }
        if (!known) {
            return unknown_command(word, global);
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            return app.exit(e); // --help, --version
        }
        print_error(tool_language(global), {e.what(), e.what()});
        std::fputs("Run 'barnplan --help' for usage.\n", stderr);
        return k_exit_usage;
    }
    if (global.no_config && !global.config.empty()) {
        print_error(tool_language(global), {"--config and --no-config cannot be given together",
                                            "--config och --no-config kan inte anges tillsammans"});
        return k_exit_usage;
    }
    try {
        if (help->parsed()) {
            if (help_topic.empty()) {
                print_out(app.help());
                return k_exit_clean;
            }
            for (const auto& [sub, runner] : runners) {
                if (sub->get_name() == help_topic) {
                    print_out(sub->help("barnplan"));
                    return k_exit_clean;
                }
            }
            return unknown_command(help_topic, global);
        }
        for (const auto& [sub, runner] : runners) {
            if (sub->parsed()) {
                return runner();
            }
        }
        // No command: a usage error, so the help goes where errors go.
        const std::string help_text = app.help();
        std::fputs(help_text.c_str(), stderr);
        return k_exit_usage;
    } catch (const std::exception& e) {
        // The core reports bad input as data; anything thrown is an I/O or
        // internal failure, and the user still gets a message and exit 2.
        print_error(tool_language(global), {e.what(), e.what()});
        return k_exit_usage;
    }
}

} // namespace barnplan::cli
