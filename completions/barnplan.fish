# fish completion for barnplan(1): commands, their options and option values,
# the stages of the plan's model for `advance --to`, and the goal, action and
# meter ids of the plan named on the command line.
#
# Installed as share/fish/vendor_completions.d/barnplan.fish. Elsewhere: copy
# it to ~/.config/fish/completions/.
#
# tests/check_completions.py checks it against `barnplan CMD --help` with
# `complete -C`: a command or option of the CLI missing here fails the tests.

set -l commands validate report diff log record advance calendar init schema rules install-hook help

# Prints "id<TAB>kind" for every goal, action and meter of plan file $argv[1],
# from the text alone (a plan being edited need not load): an `id:` item of a
# list under `goals:`, `actions:` or `meters:`. Only kinds $argv[2..] if given.
function __barnplan_plan_ids
    test -f "$argv[1]" -a -r "$argv[1]"; or return 0
    awk -v want=" $argv[2..-1] " '
    {
      line = $0
      sub(/\r$/, "", line)
      if (line ~ /^[[:space:]]*(#|$)/) next
      match(line, /^ */); col = RLENGTH; item = 0
      rest = substr(line, col + 1)
      if (rest ~ /^-[[:space:]]+/) { match(rest, /^-[[:space:]]+/); col += RLENGTH; rest = substr(rest, RLENGTH + 1); item = 1 }
      if (!match(rest, /^[A-Za-z_][A-Za-z0-9_-]*:/)) next
      key = substr(rest, 1, RLENGTH - 1)
      while (n > 0 && cols[n] >= col) n--
      if (item && key == "id" && n > 0) {
        v = substr(rest, RLENGTH + 1)
        sub(/[[:space:]]+#.*$/, "", v); gsub(/^[[:space:]]+|[[:space:]]+$/, "", v); gsub(/^["\047]|["\047]$/, "", v)
        kind = keys[n] == "goals" ? "goal" : keys[n] == "actions" ? "action" : keys[n] == "meters" ? "meter" : ""
        if (kind != "" && v != "" && (want == "  " || index(want, " " kind " "))) print v "\t" kind
      }
      n++; cols[n] = col; keys[n] = key
    }' "$argv[1]" 2>/dev/null
end

# The stages of the model of plan file $argv[1] (src/lifecycle.cpp), every
# model's when the file names none.
function __barnplan_stages
    set -l model
    if test -f "$argv[1]" -a -r "$argv[1]"
        set model (awk '/^model:/ { v = $2; gsub(/["\047]/, "", v); print v; exit }' "$argv[1]" 2>/dev/null)
    end
    switch "$model"
        case unicef-bvk
            printf '%s\n' draft feedback unicef-approved adopted implementing evaluation recognized
        case barnrattsresan
            printf '%s\n' draft reviewed approved implementing followed-up
        case partnership
            printf '%s\n' draft agreed running reviewed closed
        case '*'
            printf '%s\n' draft feedback unicef-approved adopted implementing evaluation recognized reviewed approved followed-up agreed running closed
    end
end

# The positional words after the command, options and their values left out.
function __barnplan_args
    set -l tokens (commandline -opc)
    set -l found 0
    set -l skip 0
    for t in $tokens[2..-1]
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $t
            case --lang --color --today --config -f --format -o --output --as-of --goal --owner --department --width \
                --stale-days --meter --date --note --meeting --kind --host --to --by --ref --model --schema
                set skip 1
            case '-*'
            case '*'
                if test $found -eq 1
                    echo $t
                else
                    set found 1
                end
        end
    end
end

# True when the command is $argv[1] and $argv[2] positional words follow it.
function __barnplan_at
    __fish_seen_subcommand_from $argv[1]; or return 1
    test (count (__barnplan_args)) -eq $argv[2]
end

function __barnplan_plan_file
    set -l args (__barnplan_args)
    for a in $args
        if string match -qr '\.ya?ml$' -- $a; and test -f $a
            echo $a
            return
        end
    end
end

# The value of `record FILE ID`: a status for an action, a level for a goal.
function __barnplan_record_values
    set -l args (__barnplan_args)
    for line in (__barnplan_plan_ids $args[1])
        set -l f (string split \t -- $line)
        if test "$f[1]" = "$args[2]"
            switch $f[2]
                case action
                    printf '%s\n' planned started done dropped
                case goal
                    printf '%s\n' 1 2 3 4
            end
            return
        end
    end
end

function __barnplan_plans
    __fish_complete_suffix .yaml
    __fish_complete_suffix .yml
end

function __barnplan_revisions
    git rev-parse --git-dir >/dev/null 2>&1; or return
    echo HEAD
    git for-each-ref --format='%(refname:short)' refs/heads refs/tags refs/remotes 2>/dev/null
end

complete -c barnplan -f

# Global options, before or after the command.
complete -c barnplan -l lang -x -a 'sv en' -d 'Language of messages'
complete -c barnplan -l color -x -a 'auto always never' -d Colour
complete -c barnplan -l today -x -a '(date +%Y-%m-%d)' -d 'Take this date (YYYY-MM-DD) as today'
complete -c barnplan -l config -r -F -d 'Use this configuration file'
complete -c barnplan -l no-config -d 'Read no configuration file'
complete -c barnplan -s h -l help -d 'Print help and exit'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -l version -d 'Print the version and exit'

# Commands.
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a validate -d 'Check plans against their model\'s rules'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a report -d 'Progress tables for meetings'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a diff -d 'What changed in meaning'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a log -d 'A plan\'s history in meaning'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a record -d 'Record a measurement, status, level or meeting'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a advance -d 'Move a plan to its next stage'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a calendar -d 'Dates of the plans as iCalendar'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a init -d 'Write a new plan skeleton'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a schema -d 'Print the plan format as a JSON Schema'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a rules -d 'List every rule and check'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a install-hook -d 'Install a git pre-commit hook'
complete -c barnplan -n "not __fish_seen_subcommand_from $commands" -a help -d 'Show the help of a command'

# validate
complete -c barnplan -n '__fish_seen_subcommand_from validate' -s f -l format -x -a 'text json github gitlab junit sarif' -d 'Output format'
complete -c barnplan -n '__fish_seen_subcommand_from validate' -l strict -d 'Warnings fail too'
complete -c barnplan -n '__fish_seen_subcommand_from validate' -l staged -d 'Check the plans staged in git\'s index'
complete -c barnplan -n '__fish_seen_subcommand_from validate' -l skip-non-plans -d 'Pass over YAML files that are not plans'
complete -c barnplan -n '__fish_seen_subcommand_from validate' -s v -l verbose -d 'Say so when all is well'
complete -c barnplan -n '__fish_seen_subcommand_from validate report calendar' -a '(__barnplan_plans)'

# report
complete -c barnplan -n '__fish_seen_subcommand_from report' -s f -l format -x -a 'text json html markdown csv' -d 'Output format'
complete -c barnplan -n '__fish_seen_subcommand_from report' -s o -l output -r -F -d 'Write to this file'
complete -c barnplan -n '__fish_seen_subcommand_from report' -l as-of -x -a '(date +%Y-%m-%d)' -d 'Report as of this date'
complete -c barnplan -n '__fish_seen_subcommand_from report' -l goal -x -a '(__barnplan_plan_ids (__barnplan_plan_file) goal)' -d 'Only this goal'
complete -c barnplan -n '__fish_seen_subcommand_from report' -l owner -x -d 'Only actions whose owner contains this text'
complete -c barnplan -n '__fish_seen_subcommand_from report' -l department -x -d 'Barnrättsresan: only this department'
complete -c barnplan -n '__fish_seen_subcommand_from report' -l late -d 'Only what is late or at risk'
complete -c barnplan -n '__fish_seen_subcommand_from report' -l detail -d 'Each plan\'s detail after the overview'
complete -c barnplan -n '__fish_seen_subcommand_from report' -l width -x -d 'Table width in columns'
complete -c barnplan -n '__fish_seen_subcommand_from report' -l stale-days -x -d 'Days after which a measurement is stale'

# diff
complete -c barnplan -n '__fish_seen_subcommand_from diff' -s f -l format -x -a 'text markdown json' -d 'Output format'
complete -c barnplan -n '__fish_seen_subcommand_from diff' -l exit-code -d 'Exit 1 when the plans differ in meaning'
complete -c barnplan -n '__fish_seen_subcommand_from diff' -l git-driver -d 'Run as git\'s diff driver'
complete -c barnplan -n '__fish_seen_subcommand_from diff' -a '(__barnplan_plans; __barnplan_revisions)'

# log
complete -c barnplan -n '__fish_seen_subcommand_from log' -l meter -x -a '(__barnplan_plan_ids (__barnplan_plan_file) meter)' -d 'Only this meter'
complete -c barnplan -n '__fish_seen_subcommand_from log' -l goal -x -a '(__barnplan_plan_ids (__barnplan_plan_file) goal)' -d 'Only this goal'
complete -c barnplan -n '__fish_seen_subcommand_from log' -l reverse -d 'Oldest commit first'
complete -c barnplan -n '__fish_seen_subcommand_from log' -s f -l format -x -a 'text markdown json' -d 'Output format'
complete -c barnplan -n '__barnplan_at log 0' -a '(__barnplan_plans)'

# record
complete -c barnplan -n '__fish_seen_subcommand_from record' -l date -x -a '(date +%Y-%m-%d)' -d 'The day it applies to'
complete -c barnplan -n '__fish_seen_subcommand_from record' -l note -x -d 'A note on the entry'
complete -c barnplan -n '__fish_seen_subcommand_from record' -l replace -d 'Overwrite an entry of the same date'
complete -c barnplan -n '__fish_seen_subcommand_from record' -l meeting -x -a '(date +%Y-%m-%d)' -d 'Record a meeting on this day'
complete -c barnplan -n '__fish_seen_subcommand_from record' -l kind -x -a 'coordination-group follow-up evaluation children check-in officials joint peer-review final-report other' -d 'The meeting\'s kind'
complete -c barnplan -n '__fish_seen_subcommand_from record' -l host -x -d 'Partnership: the member hosting the meeting'
complete -c barnplan -n '__fish_seen_subcommand_from record' -s n -l dry-run -d 'Print the change as a diff; write nothing'
complete -c barnplan -n '__barnplan_at record 0' -a '(__barnplan_plans)'
complete -c barnplan -n '__barnplan_at record 1' -a '(__barnplan_plan_ids (__barnplan_args)[1] goal action meter)'
complete -c barnplan -n '__barnplan_at record 2' -a '(__barnplan_record_values)'

# advance
complete -c barnplan -n '__fish_seen_subcommand_from advance' -l to -x -a '(__barnplan_stages (__barnplan_plan_file))' -d 'The stage to move to'
complete -c barnplan -n '__fish_seen_subcommand_from advance' -l date -x -a '(date +%Y-%m-%d)' -d 'The day of the step or decision'
complete -c barnplan -n '__fish_seen_subcommand_from advance' -l by -x -d 'Who approved or decided'
complete -c barnplan -n '__fish_seen_subcommand_from advance' -l ref -x -d 'The decision\'s reference'
complete -c barnplan -n '__fish_seen_subcommand_from advance' -l note -x -d 'A note for the history entry'
complete -c barnplan -n '__fish_seen_subcommand_from advance' -s n -l dry-run -d 'Check the gates, print the change; write nothing'
complete -c barnplan -n '__barnplan_at advance 0' -a '(__barnplan_plans)'

# calendar
complete -c barnplan -n '__fish_seen_subcommand_from calendar' -s o -l output -r -F -d 'Write the .ics file here'

# init
complete -c barnplan -n '__fish_seen_subcommand_from init' -l model -x -a 'unicef-bvk barnrattsresan partnership' -d 'The plan\'s model'
complete -c barnplan -n '__fish_seen_subcommand_from init' -l schema -r -F -d 'JSON Schema for the modeline (path or URL)'
complete -c barnplan -n '__barnplan_at init 0' -F

# install-hook
complete -c barnplan -n '__fish_seen_subcommand_from install-hook' -l force -d 'Replace a pre-commit hook that is there'
complete -c barnplan -n '__fish_seen_subcommand_from install-hook' -l strict -d 'The hook stops commits on warnings too'

# help
complete -c barnplan -n '__barnplan_at help 0' -a "$commands"
