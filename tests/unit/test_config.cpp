#include <barnplan/config.hpp>

#include <doctest/doctest.h>

#include <string>

using barnplan::Config;
using barnplan::ConfigResult;
using barnplan::Diagnostic;
using barnplan::Diagnostics;
using barnplan::glob_match;
using barnplan::is_plan_path;
using barnplan::Language;
using barnplan::parse_config;
using barnplan::RuleSetting;
using barnplan::Severity;

namespace {

ConfigResult parse(const std::string& text)
{
    return parse_config(text, ".barnplan.yaml");
}

/// The one diagnostic of `result`, checked to be the only one (a copy: the
/// result is often a temporary).
Diagnostic only(const ConfigResult& result)
{
    REQUIRE(result.diagnostics.size() == 1);
    return result.diagnostics.front();
}

Diagnostic finding(const std::string& rule, Severity severity)
{
    Diagnostic d;
    d.rule = rule;
    d.severity = severity;
    return d;
}

} // namespace

TEST_CASE("config: an empty file gives every default")
{
    const ConfigResult r = parse("");
    CHECK(r.diagnostics.empty());
    CHECK(r.config.rules.empty());
    CHECK_FALSE(r.config.language.has_value());
    CHECK(r.config.thresholds.deadline_warning_days == 30);
    CHECK(r.config.thresholds.stale_days == 365);
    CHECK(r.config.thresholds.due_soon_days == 30);
    CHECK(r.config.plans == std::vector<std::string>{"*.yaml", "*.yml"});
    CHECK(r.config.exclude.empty());
    CHECK(parse("# only a comment\n").diagnostics.empty());
}

TEST_CASE("config: every key read")
{
    const ConfigResult r = parse("language: sv\n"
                                 "rules:\n"
                                 "  single-owner: off\n"
                                 "  period-length: error\n"
                                 "  meter-time-bound: warning\n"
                                 "thresholds:\n"
                                 "  deadline-warning-days: 45\n"
                                 "  stale-days: 180\n"
                                 "  due-soon-days: 14\n"
                                 "plans: [\"plans/**/*.yaml\"]\n"
                                 "exclude:\n"
                                 "  - plans/drafts/**\n");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.config.language.has_value());
    CHECK(*r.config.language == Language::sv);
    REQUIRE(r.config.rules.size() == 3);
    CHECK(r.config.rules[0].rule == "single-owner");
    CHECK(r.config.rules[0].setting == RuleSetting::off);
    CHECK(r.config.rules[0].position.line == 3);
    CHECK(r.config.rules[0].position.column == 3);
    CHECK(r.config.rules[1].setting == RuleSetting::error);
    CHECK(r.config.rules[2].setting == RuleSetting::warning);
    CHECK(r.config.thresholds.deadline_warning_days == 45);
    CHECK(r.config.thresholds.stale_days == 180);
    CHECK(r.config.thresholds.due_soon_days == 14);
    CHECK(r.config.plans == std::vector<std::string>{"plans/**/*.yaml"});
    CHECK(r.config.exclude == std::vector<std::string>{"plans/drafts/**"});
    CHECK(barnplan::rule_context(r.config, *barnplan::Date::from_ymd(2026, 1, 2)).deadline_warning_days == 45);
}

TEST_CASE("config: an unknown top-level key, with a suggestion and its position")
{
    const Diagnostic d = only(parse("language: en\nrule:\n  single-owner: off\n"));
    CHECK(d.rule == "unknown-key");
    CHECK(d.severity == Severity::error);
    CHECK(d.file == ".barnplan.yaml");
    CHECK(d.position.line == 2);
    CHECK(d.position.column == 1);
    CHECK(d.message.en == "unknown key 'rule' in the configuration");
    CHECK(d.message.sv == "okänd nyckel 'rule' i konfigurationen");
    CHECK(d.hint.en == "did you mean 'rules'?");
    CHECK(d.hint.sv == "menade du 'rules'?");
}

TEST_CASE("config: an unknown key without a near one lists the allowed keys")
{
    const Diagnostic d = only(parse("zzzzzzzz: 1\n"));
    CHECK(d.hint.en == "keys allowed here: language, rules, thresholds, plans, exclude");
}

TEST_CASE("config: an unknown rule id, with did-you-mean")
{
    const Diagnostic d = only(parse("rules:\n  single-ownr: off\n"));
    CHECK(d.rule == "unknown-key");
    CHECK(d.position.line == 2);
    CHECK(d.position.column == 3);
    CHECK(d.message.en == "unknown rule 'single-ownr' in 'rules'");
    CHECK(d.hint.en == "did you mean 'single-owner'?");
    const Diagnostic far = only(parse("rules:\n  nothing-like-it-at-all: off\n"));
    CHECK(far.hint.en == "'barnplan rules' lists every rule id");
}

TEST_CASE("config: a check of the file itself cannot be configured")
{
    const Diagnostic d = only(parse("rules:\n  yaml-syntax: off\n"));
    CHECK(d.rule == "invalid-value");
    CHECK(d.message.en == "'yaml-syntax' is a check of the file itself and cannot be turned off or changed");
    CHECK_FALSE(barnplan::rule_configurable("unknown-key"));
    CHECK(barnplan::rule_configurable("single-owner"));
    CHECK_FALSE(barnplan::rule_configurable("no-such-rule"));
}

TEST_CASE("config: a stage gate is not a rule")
{
    const Diagnostic d = only(parse("rules:\n  gate-date-order: off\n"));
    CHECK(d.rule == "invalid-value");
    CHECK(d.message.en ==
          "'gate-date-order' is a condition of 'barnplan advance', not a rule, and cannot be configured");
}

TEST_CASE("config: a severity other than off, warning or error")
{
    const Diagnostic d = only(parse("rules:\n  single-owner: ignore\n"));
    CHECK(d.rule == "invalid-value");
    CHECK(d.position.line == 2);
    CHECK(d.position.column == 17);
    CHECK(d.message.en == "rule 'single-owner' must be set to off, warning or error");
    CHECK(only(parse("rules:\n  single-owner: [off]\n")).rule == "wrong-type");
    const Diagnostic empty = only(parse("rules:\n  single-owner:\n"));
    CHECK(empty.position.column == 3);
}

TEST_CASE("config: wrong types")
{
    CHECK(only(parse("rules: off\n")).rule == "wrong-type");
    CHECK(only(parse("thresholds: 30\n")).rule == "wrong-type");
    CHECK(only(parse("plans: \"*.yaml\"\n")).rule == "wrong-type");
    CHECK(only(parse("plans: [[a]]\n")).rule == "wrong-type");
    CHECK(only(parse("plans: [\"\"]\n")).rule == "wrong-type");
    CHECK(only(parse("language: [sv]\n")).rule == "wrong-type");
    CHECK(only(parse("- a\n- b\n")).rule == "wrong-type");
    const Diagnostic d = only(parse("thresholds:\n  stale-days: \"90\"\n"));
    CHECK(d.rule == "wrong-type");
    CHECK(d.position.line == 2);
    CHECK(d.position.column == 15);
    CHECK(d.message.en == "'stale-days' must be a whole number of days");
    CHECK(only(parse("thresholds:\n  stale-days: 1.5\n")).rule == "wrong-type");
    CHECK(only(parse("thresholds:\n  stale-days: 99999999999999999999\n")).rule == "wrong-type");
}

TEST_CASE("config: values out of range")
{
    const Diagnostic d = only(parse("thresholds:\n  stale-days: 0\n"));
    CHECK(d.rule == "invalid-value");
    CHECK(d.message.en == "'stale-days' is 0; it must be between 1 and 10000 days");
    CHECK(parse("thresholds:\n  deadline-warning-days: 0\n").diagnostics.empty());
    CHECK(only(parse("thresholds:\n  deadline-warning-days: -1\n")).rule == "invalid-value");
    CHECK(only(parse("thresholds:\n  due-soon-days: 10001\n")).rule == "invalid-value");
    CHECK(only(parse("language: fi\n")).rule == "invalid-value");
    CHECK(only(parse("plans: [\"/etc/*.yaml\"]\n")).rule == "invalid-value");
    const Diagnostic t = only(parse("thresholds:\n  stale-dayz: 3\n"));
    CHECK(t.rule == "unknown-key");
    CHECK(t.hint.en == "did you mean 'stale-days'?");
}

TEST_CASE("config: duplicate keys are errors, and the first value stands")
{
    const ConfigResult r = parse("language: sv\nlanguage: en\n");
    const Diagnostic d = only(r);
    CHECK(d.rule == "duplicate-key");
    CHECK(d.position.line == 2);
    REQUIRE(r.config.language.has_value());
    CHECK(*r.config.language == Language::sv);
    CHECK(only(parse("rules:\n  single-owner: off\n  single-owner: error\n")).rule == "duplicate-key");
}

TEST_CASE("config: hostile input is refused as plans are")
{
    CHECK(only(parse("language: &x sv\nrules: *x\n")).rule == "yaml-alias");
    CHECK(only(parse("rules: {\n")).rule == "yaml-syntax");
    CHECK(only(parse("language: sv\n---\nlanguage: en\n")).rule == "multi-document");
    std::string deep;
    for (int i = 0; i < 100; ++i) {
        deep += "[";
    }
    CHECK(only(parse("plans: " + deep + "\n")).severity == Severity::error);
    CHECK_FALSE(parse(std::string("language: \xff\n")).diagnostics.empty());
    barnplan::YamlLimits small;
    small.max_bytes = 8;
    CHECK(parse_config("language: sv\n", "c", small).diagnostics.front().rule == "file-too-large");
}

TEST_CASE("config: every problem is reported, not only the first")
{
    const ConfigResult r =
        parse("rules:\n  single-ownr: off\n  period-length: maybe\nthresholds:\n  stale-days: x\nfoo: 1\n");
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(r.diagnostics[0].position.line == 2);
    CHECK(r.diagnostics[1].position.line == 3);
    CHECK(r.diagnostics[2].position.line == 5);
    CHECK(r.diagnostics[3].position.line == 6);
}

TEST_CASE("config: severities applied to findings")
{
    const ConfigResult r = parse("rules:\n  single-owner: off\n  period-length: error\n  meter-time-bound: warning\n");
    REQUIRE(r.diagnostics.empty());
    Diagnostics found{finding("single-owner", Severity::warning), finding("period-length", Severity::warning),
                      finding("meter-time-bound", Severity::error), finding("vision-required", Severity::error),
                      finding("single-owner", Severity::warning)};
    barnplan::apply_rule_settings(r.config, found);
    REQUIRE(found.size() == 3);
    CHECK(found[0].rule == "period-length");
    CHECK(found[0].severity == Severity::error);
    CHECK(found[1].rule == "meter-time-bound");
    CHECK(found[1].severity == Severity::warning);
    CHECK(found[2].rule == "vision-required");
    CHECK(found[2].severity == Severity::error);
}

TEST_CASE("glob: segments, stars and double stars")
{
    CHECK(glob_match("*.yaml", "plan.yaml"));
    CHECK(glob_match("*.yaml", "a/b/plan.yaml")); // no '/': the file name at any depth
    CHECK_FALSE(glob_match("*.yaml", "plan.yml"));
    CHECK(glob_match("plans/*.yaml", "plans/a.yaml"));
    CHECK_FALSE(glob_match("plans/*.yaml", "plans/x/a.yaml"));
    CHECK_FALSE(glob_match("plans/*.yaml", "other/a.yaml"));
    CHECK(glob_match("plans/**/*.yaml", "plans/a.yaml"));
    CHECK(glob_match("plans/**/*.yaml", "plans/x/y/a.yaml"));
    CHECK(glob_match("plans/**", "plans/x/y/a.yaml"));
    CHECK(glob_match("**/drafts/**", "a/drafts/b.yaml"));
    CHECK(glob_match("plan-?.yaml", "x/plan-1.yaml"));
    CHECK_FALSE(glob_match("plan-?.yaml", "plan-10.yaml"));
    CHECK(glob_match("*", "anything"));
    CHECK(glob_match("a*b*c", "aXXbYYc"));
    CHECK_FALSE(glob_match("a*b*c", "aXXbYY"));
    CHECK(glob_match("**/**/**/*.yaml", "a.yaml"));
    // Many stars against a long name stay fast (no exponential backtracking).
    CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}

TEST_CASE("glob: plans and exclude together")
{
    Config c;
    CHECK(is_plan_path(c, "plan.yaml"));
    CHECK(is_plan_path(c, "x/plan.yml"));
    CHECK_FALSE(is_plan_path(c, "notes.txt"));
    c.plans = {"plans/**/*.yaml"};
    c.exclude = {"plans/drafts/**", "*.tmpl.yaml"};
    CHECK(is_plan_path(c, "plans/a.yaml"));
    CHECK_FALSE(is_plan_path(c, "a.yaml"));
    CHECK_FALSE(is_plan_path(c, "plans/drafts/a.yaml"));
    CHECK_FALSE(is_plan_path(c, "plans/x/skel.tmpl.yaml"));
}
