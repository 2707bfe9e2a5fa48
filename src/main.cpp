#include "cli/commands.hpp"

int main(int argc, char** argv)
{
    return barnplan::cli::run(argc, argv);
}
