// The floor for this parser: only YAML::LoadFile on each file named, the least
// any yaml-cpp based validator has to do. Built by bench/run.sh:
//   g++ -O2 -std=c++17 bench/floor.cpp -lyaml-cpp -o floor
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    std::size_t nodes = 0;
    for (int i = 1; i < argc; ++i) {
        try {
            const YAML::Node root = YAML::LoadFile(argv[i]);
            nodes += root.size(); // touch the result so the load is not for nothing
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: %s\n", argv[i], e.what());
            return 1;
        }
    }
    return nodes == 0 ? 1 : 0;
}
