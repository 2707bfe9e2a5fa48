# bash completion for barnplan(1): commands, their options and option values,
# the stages of the plan's model for `advance --to`, and the goal, action and
# meter ids of the plan named on the command line.
#
# Installed as share/bash-completion/completions/barnplan, where the
# bash-completion package loads it on demand. Without that package:
#   source /usr/share/bash-completion/completions/barnplan   (in ~/.bashrc)
#
# tests/check_completions.py checks it against `barnplan CMD --help`: a
# command or option of the CLI missing here fails the tests.

_barnplan_commands='validate report diff log record advance calendar init schema rules install-hook help'
_barnplan_global_options='--lang --color --today --config --no-config'

# Prints "kind id" for every goal, action and meter of plan file $1, from the
# text alone (a plan being edited need not load): an `id:` item of a list
# under `goals:`, `actions:` or `meters:`.
_barnplan_plan_ids()
{
    [[ -f $1 && -r $1 ]] || return 0
    awk '
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
        if (kind != "" && v != "") print kind, v
      }
      n++; cols[n] = col; keys[n] = key
    }' "$1" 2>/dev/null
}

# The ids of kinds $2… in plan file $1.
_barnplan_ids_of()
{
    local file=$1 kind id
    shift
    while read -r kind id; do
        [[ " $* " == *" $kind "* ]] && printf '%s\n' "$id"
    done < <(_barnplan_plan_ids "$file")
}

# The stages of the model of plan file $1 (src/lifecycle.cpp), every model's
# when the file names none.
_barnplan_stages()
{
    local model=''
    [[ -f $1 && -r $1 ]] && model=$(awk '/^model:/ { v = $2; gsub(/["\047]/, "", v); print v; exit }' "$1" 2>/dev/null)
    case $model in
        unicef-bvk) echo 'draft feedback unicef-approved adopted implementing evaluation recognized' ;;
        barnrattsresan) echo 'draft reviewed approved implementing followed-up' ;;
        partnership) echo 'draft agreed running reviewed closed' ;;
        *) echo 'draft feedback unicef-approved adopted implementing evaluation recognized reviewed approved followed-up agreed running closed' ;;
    esac
}

# The options of command $1 (as in `barnplan $1 --help`).
_barnplan_options()
{
    case $1 in
        validate) echo '-h --help -f --format --strict --staged --skip-non-plans -v --verbose' ;;
        report) echo '-h --help -f --format -o --output --as-of --goal --owner --department --late --detail --width --stale-days' ;;
        diff) echo '-h --help -f --format --exit-code --git-driver' ;;
        log) echo '-h --help --meter --goal --reverse -f --format' ;;
        record) echo '-h --help --date --note --replace --meeting --kind --host -n --dry-run' ;;
        advance) echo '-h --help --to --date --by --ref --note -n --dry-run' ;;
        calendar) echo '-h --help -o --output' ;;
        init) echo '-h --help --model --lang --schema' ;;
        schema | rules | help) echo '-h --help' ;;
        install-hook) echo '-h --help --force --strict' ;;
        '') echo '-h --help --version' ;;
    esac
}

# Options of command $1 that take a value in the next word.
_barnplan_takes_value()
{
    case $2 in
        --lang | --color | --today | --config) return 0 ;;
    esac
    case $1:$2 in
        validate:-f | validate:--format | diff:-f | diff:--format | log:-f | log:--format) return 0 ;;
        report:-f | report:--format | report:-o | report:--output | report:--as-of | report:--goal) return 0 ;;
        report:--owner | report:--department | report:--width | report:--stale-days) return 0 ;;
        log:--meter | log:--goal | calendar:-o | calendar:--output | init:--model | init:--schema) return 0 ;;
        record:--date | record:--note | record:--meeting | record:--kind | record:--host) return 0 ;;
        advance:--to | advance:--date | advance:--by | advance:--ref | advance:--note) return 0 ;;
    esac
    return 1
}

_barnplan_files()
{
    local IFS=$'\n' # one name a line: names with spaces stay whole
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -d -- "$1"))
    COMPREPLY+=($(compgen -f -X '!*.yaml' -- "$1") $(compgen -f -X '!*.yml' -- "$1"))
}

_barnplan_all_files()
{
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -f -- "$1"))
}

_barnplan()
{
    local IFS=$' \t\n'
    local cur=${COMP_WORDS[COMP_CWORD]} prev='' cword=$COMP_CWORD
    local -a words=("${COMP_WORDS[@]}")
    COMPREPLY=()
    # "--format=json" arrives as "--format" "=" "json" (COMP_WORDBREAKS).
    if [[ $cur == '=' ]]; then
        cur=''
    fi
    ((cword > 0)) && prev=${words[cword - 1]}
    if [[ $prev == '=' ]] && ((cword > 1)); then
        prev=${words[cword - 2]}
    fi

    # The command, the positional words after it (the plan file may come
    # after the word being completed), how many of them come before it, and
    # "--" seen before it.
    local cmd='' i w dashdash='' nbefore=0
    local -a args=()
    for ((i = 1; i < ${#words[@]}; i++)); do
        ((i == cword)) && continue
        w=${words[i]}
        [[ $w == '=' ]] && continue
        if [[ -z $dashdash && $w == -* ]]; then
            if [[ $w == -- && -n $cmd ]]; then
                ((i < cword)) && dashdash=1
            elif [[ $w != *=* && ${words[i + 1]} != '=' ]] && _barnplan_takes_value "$cmd" "$w"; then
                ((i++))
            elif [[ ${words[i + 1]} == '=' ]]; then
                ((i += 2))
            fi
            continue
        fi
        if [[ -z $cmd ]]; then
            ((i < cword)) && [[ " $_barnplan_commands " == *" $w "* ]] && cmd=$w
        else
            args+=("$w")
            ((i < cword)) && ((nbefore++))
        fi
    done

    # The value of an option.
    case $prev in
        --lang) COMPREPLY=($(compgen -W 'sv en' -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W 'auto always never' -- "$cur")); return ;;
        --today) COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur")); return ;;
        --config) _barnplan_all_files "$cur"; return ;;
    esac
    if [[ -n $prev && $prev == -* ]] && _barnplan_takes_value "$cmd" "$prev"; then
        case $cmd:$prev in
            validate:-f | validate:--format) COMPREPLY=($(compgen -W 'text json github gitlab junit sarif' -- "$cur")) ;;
            report:-f | report:--format) COMPREPLY=($(compgen -W 'text json html markdown csv' -- "$cur")) ;;
            diff:-f | diff:--format | log:-f | log:--format) COMPREPLY=($(compgen -W 'text markdown json' -- "$cur")) ;;
            report:-o | report:--output | calendar:-o | calendar:--output | init:--schema) _barnplan_all_files "$cur" ;;
            report:--as-of | record:--date | record:--meeting | advance:--date)
                COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur")) ;;
            report:--goal | log:--goal)
                for w in "${args[@]}"; do
                    COMPREPLY+=($(compgen -W "$(_barnplan_ids_of "$w" goal)" -- "$cur"))
                done ;;
            log:--meter) COMPREPLY=($(compgen -W "$(_barnplan_ids_of "${args[0]}" meter)" -- "$cur")) ;;
            record:--kind)
                COMPREPLY=($(compgen -W 'coordination-group follow-up evaluation children check-in officials joint peer-review final-report other' -- "$cur")) ;;
            advance:--to) COMPREPLY=($(compgen -W "$(_barnplan_stages "${args[0]}")" -- "$cur")) ;;
            init:--model) COMPREPLY=($(compgen -W 'unicef-bvk barnrattsresan partnership' -- "$cur")) ;;
        esac
        return
    fi

    if [[ -z $dashdash && $cur == -* ]]; then
        if [[ -z $cmd ]]; then
            COMPREPLY=($(compgen -W "$(_barnplan_options '') $_barnplan_global_options" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_barnplan_options "$cmd") $_barnplan_global_options" -- "$cur"))
        fi
        return
    fi

    case $cmd in
        '') COMPREPLY=($(compgen -W "$_barnplan_commands" -- "$cur")) ;;
        help) ((nbefore == 0)) && COMPREPLY=($(compgen -W "$_barnplan_commands" -- "$cur")) ;;
        validate | report | calendar) _barnplan_files "$cur" ;;
        log | advance) ((nbefore == 0)) && _barnplan_files "$cur" ;;
        init) ((nbefore == 0)) && _barnplan_all_files "$cur" ;;
        diff)
            _barnplan_files "$cur"
            if [[ -z $dashdash ]] && git rev-parse --git-dir >/dev/null 2>&1; then
                COMPREPLY+=($(compgen -W "HEAD $(git for-each-ref --format='%(refname:short)' refs/heads refs/tags refs/remotes 2>/dev/null)" -- "$cur"))
            fi ;;
        record)
            case $nbefore in
                0) _barnplan_files "$cur" ;;
                1) COMPREPLY=($(compgen -W "$(_barnplan_ids_of "${args[0]}" goal action meter)" -- "$cur")) ;;
                2)
                    local kind id
                    while read -r kind id; do
                        [[ $id == "${args[1]}" ]] || continue
                        case $kind in
                            action) COMPREPLY=($(compgen -W 'planned started done dropped' -- "$cur")) ;;
                            goal) COMPREPLY=($(compgen -W '1 2 3 4' -- "$cur")) ;;
                        esac
                        break
                    done < <(_barnplan_plan_ids "${args[0]}") ;;
            esac ;;
    esac
}

complete -F _barnplan barnplan
