# Runs one end-to-end case: tests/cases/<command>/<case>/cmd is a shell command
# line, run by /bin/sh in a fresh copy of the case directory with the built
# barnplan first on PATH and $EXAMPLES naming the examples/ directory. Its stdout, stderr and exit status are compared with
# expected.stdout, expected.stderr (absent: empty) and expected.exit.
# With BARNPLAN_BLESS=1 in the environment the expected files are rewritten.
#
#   cmake -DBARNPLAN=… -DCASE=<source dir> -DWORK=<scratch dir> -P run_case.cmake

foreach(var BARNPLAN CASE WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_case.cmake: ${var} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY "${CASE}/" DESTINATION "${WORK}" PATTERN "expected.*" EXCLUDE)
file(READ "${CASE}/cmd" command)
string(STRIP "${command}" command)
get_filename_component(bindir "${BARNPLAN}" DIRECTORY)

# A fixed environment: no locale, colour or clock from the machine.
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env
          --unset=LANG --unset=LC_ALL --unset=LC_MESSAGES --unset=LANGUAGE
          --unset=NO_COLOR --unset=SOURCE_DATE_EPOCH --unset=GITHUB_ACTIONS --unset=GITHUB_STEP_SUMMARY
          TERM=dumb TZ=UTC "PATH=${bindir}:$ENV{PATH}" "EXAMPLES=${CMAKE_CURRENT_LIST_DIR}/../examples"
          /bin/sh -c "${command}"
  WORKING_DIRECTORY "${WORK}"
  OUTPUT_VARIABLE actual_stdout
  ERROR_VARIABLE actual_stderr
  RESULT_VARIABLE actual_exit)

if("$ENV{BARNPLAN_BLESS}" STREQUAL "1")
  file(WRITE "${CASE}/expected.stdout" "${actual_stdout}")
  if(actual_stderr STREQUAL "")
    file(REMOVE "${CASE}/expected.stderr")
  else()
    file(WRITE "${CASE}/expected.stderr" "${actual_stderr}")
  endif()
  file(WRITE "${CASE}/expected.exit" "${actual_exit}\n")
  message(STATUS "blessed ${CASE}")
  return()
endif()

set(failed FALSE)
set(expected_stdout "")
set(expected_stderr "")
if(EXISTS "${CASE}/expected.stdout")
  file(READ "${CASE}/expected.stdout" expected_stdout)
endif()
if(EXISTS "${CASE}/expected.stderr")
  file(READ "${CASE}/expected.stderr" expected_stderr)
endif()
if(NOT EXISTS "${CASE}/expected.exit")
  message(FATAL_ERROR "${CASE}: expected.exit is missing (run with BARNPLAN_BLESS=1 to create it)")
endif()
file(READ "${CASE}/expected.exit" expected_exit)
string(STRIP "${expected_exit}" expected_exit)

foreach(stream stdout stderr)
  if(NOT actual_${stream} STREQUAL expected_${stream})
    set(failed TRUE)
    file(WRITE "${WORK}/actual.${stream}" "${actual_${stream}}")
    file(WRITE "${WORK}/wanted.${stream}" "${expected_${stream}}")
    execute_process(COMMAND diff -u "${WORK}/wanted.${stream}" "${WORK}/actual.${stream}" OUTPUT_VARIABLE delta)
    message("--- ${stream} differs (- expected, + actual):\n${delta}")
  endif()
endforeach()
if(NOT actual_exit STREQUAL expected_exit)
  set(failed TRUE)
  message("--- exit status: expected ${expected_exit}, got ${actual_exit}")
endif()
if(failed)
  message(FATAL_ERROR "case ${CASE} failed; if the change is intended, rerun with BARNPLAN_BLESS=1 and review the diff")
endif()
