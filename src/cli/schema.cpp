#include "commands.hpp"

#include <barnplan/format.hpp>

namespace barnplan::cli {

Runner setup_schema(CLI::App& sub, const GlobalOptions& global)
{
    (void)sub;
    return [&global]() {
        print_out(format::json_schema(global.lang == "sv" ? Language::sv : Language::en));
        return k_exit_clean;
    };
}

} // namespace barnplan::cli
