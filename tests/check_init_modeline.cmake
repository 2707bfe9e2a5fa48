# `barnplan init` (English and Swedish) starts with the modeline naming the
# installed schema of its language under DATADIR (CMAKE_INSTALL_FULL_DATADIR),
# and that schema is committed in schema/ (the install rule copies it).
#   cmake -DBARNPLAN=… -DDATADIR=… -P check_init_modeline.cmake
foreach(case "en;barnplan.schema.json" "sv;barnplan.schema.sv.json")
  list(GET case 0 lang)
  list(GET case 1 file)
  execute_process(COMMAND ${BARNPLAN} init --lang ${lang} OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "barnplan init --lang ${lang} exited ${rc}")
  endif()
  string(REGEX MATCH "^[^\n]*" first "${text}")
  set(want "# yaml-language-server: $schema=${DATADIR}/barnplan/${file}")
  if(NOT first STREQUAL want)
    message(FATAL_ERROR "barnplan init --lang ${lang} starts with\n  ${first}\nnot\n  ${want}")
  endif()
  if(NOT EXISTS ${CMAKE_CURRENT_LIST_DIR}/../schema/${file})
    message(FATAL_ERROR "schema/${file} is not committed")
  endif()
endforeach()
