#pragma once

#include "context.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace barnplan::cli {

/// Runs a parsed subcommand and returns the exit status.
using Runner = std::function<int()>;

/// Each subcommand registers its options on `sub` and returns its runner.
using Setup = Runner (*)(CLI::App& sub, const GlobalOptions& global);

struct Command {
    const char* name;
    const char* summary;
    Setup setup;
};

Runner setup_validate(CLI::App& sub, const GlobalOptions& global);
Runner setup_report(CLI::App& sub, const GlobalOptions& global);
Runner setup_diff(CLI::App& sub, const GlobalOptions& global);
Runner setup_record(CLI::App& sub, const GlobalOptions& global);
Runner setup_advance(CLI::App& sub, const GlobalOptions& global);
Runner setup_log(CLI::App& sub, const GlobalOptions& global);
Runner setup_init(CLI::App& sub, const GlobalOptions& global);
Runner setup_schema(CLI::App& sub, const GlobalOptions& global);
Runner setup_rules(CLI::App& sub, const GlobalOptions& global);
Runner setup_install_hook(CLI::App& sub, const GlobalOptions& global);
Runner setup_calendar(CLI::App& sub, const GlobalOptions& global);

/// The table of subcommands, in the order `barnplan --help` lists them.
const std::vector<Command>& commands();

/// The program: parses argv, runs one subcommand, returns the exit status.
int run(int argc, char** argv);

} // namespace barnplan::cli
