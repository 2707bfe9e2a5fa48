# What `cmake --install` puts where (GNUInstallDirs), and the Debian package
# CPack builds from the same install rules:
#   cmake -S . -B build -DCMAKE_INSTALL_PREFIX=/usr && cmake --build build && (cd build && cpack -G DEB)

# Man pages gzipped, as Debian wants them (man reads .gz everywhere); -n keeps
# the bytes the same from build to build.
find_program(BARNPLAN_GZIP gzip REQUIRED)
set(barnplan_man_gz)
foreach(page IN LISTS BARNPLAN_MAN1 BARNPLAN_MAN5)
  get_filename_component(name ${page} NAME)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/man/${name}.gz)
  add_custom_command(OUTPUT ${out}
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
                     COMMAND ${BARNPLAN_GZIP} -9nc ${page} > ${out}
                     DEPENDS ${page} VERBATIM)
  list(APPEND barnplan_man_gz ${out})
  if(name MATCHES "\\.5$")
    install(FILES ${out} DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
  else()
    install(FILES ${out} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  endif()
endforeach()
add_custom_target(barnplan_man ALL DEPENDS ${barnplan_man_gz})

install(TARGETS barnplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The committed schemas are what `barnplan schema` and `barnplan --lang sv
# schema` print (tests check it), so no generation step is needed; editors
# find them here through init's modeline.
install(FILES ${PROJECT_SOURCE_DIR}/schema/barnplan.schema.json ${PROJECT_SOURCE_DIR}/schema/barnplan.schema.sv.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/barnplan)
# `barnplan init` writes the installed path into the modeline. Only init.cpp
# sees it, so that another prefix recompiles one file.
set_property(SOURCE ${PROJECT_SOURCE_DIR}/src/cli/init.cpp APPEND PROPERTY COMPILE_DEFINITIONS
             "BARNPLAN_SCHEMA_DIR=\"${CMAKE_INSTALL_FULL_DATADIR}/barnplan\"")

# Shell completions where bash-completion, zsh (Debian's vendor directory)
# and fish look for them.
install(FILES ${PROJECT_SOURCE_DIR}/completions/barnplan.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME barnplan)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_barnplan DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/completions/barnplan.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# Debian package. It installs under CMAKE_INSTALL_PREFIX, so that paths built
# into the binary (the schema in init's modeline) are where the files land.
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "A .deb from this build installs under ${CMAKE_INSTALL_PREFIX}; "
                 "configure with -DCMAKE_INSTALL_PREFIX=/usr for a Debian package")
endif()
set(BARNPLAN_PACKAGE_MAINTAINER "barnplan maintainers <barnplan@example.org>"
    CACHE STRING "Maintainer field of the Debian package: Name <address>")
set(CPACK_PACKAGE_NAME barnplan)
set(CPACK_PACKAGE_VENDOR "barnplan")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "${BARNPLAN_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
if(NOT CPACK_GENERATOR)
  set(CPACK_GENERATOR DEB)
endif()
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${BARNPLAN_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime libraries (libgit2, yaml-cpp, fmt, libstdc++) found by dpkg-shlibdeps (dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "git, man-db")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "barnplan keeps a municipality's or an agency's child-rights action plan (for
UNICEF's Child Friendly Municipality, Barnombudsmannen's Barnrättsresan or a
partnership of municipalities) as a YAML file in git. It checks plans against
their model's rules with file:line:column messages in Swedish or English,
prints progress reports (terminal, Markdown, CSV, JSON, HTML), shows what
changed in meaning between versions, records measurements and advances a
plan's stage, for use before a commit and in CI.")
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/" "/bench/out/" "/bench/\\\\.node/")
include(CPack)
