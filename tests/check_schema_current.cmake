# Fails when schema/barnplan.schema.json differs from `barnplan schema`.
execute_process(COMMAND ${BARNPLAN} schema OUTPUT_VARIABLE generated RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "barnplan schema exited ${rc}")
endif()
file(READ ${SCHEMA} committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "${SCHEMA} is out of date: run `barnplan schema > schema/barnplan.schema.json`")
endif()
