// UNICEF's evaluation meeting (seed 002): the preparation deadlines counted
// back from the meeting, checked against today.

#include "../../rules/support.hpp"

#include <barnplan/evaluation.hpp>

#include <fmt/format.h>

namespace barnplan::rules {

void check_evaluation(Findings& f, const RuleContext& context)
{
    const Plan& plan = f.plan();
    const std::vector<EvaluationStep> steps = evaluation_steps(plan);
    const Date& today = context.today;
    const Date meeting = plan.evaluation.meeting.value;
    for (const EvaluationStep& s : steps) {
        const Located<Date>& done = *s.done;
        const Position at = done.key.known() ? done.key : plan.evaluation.meeting.key;
        const Text add{fmt::format("when it is done, record the day as '{}: YYYY-MM-DD' under 'evaluation:'", s.key),
                       fmt::format("när det är gjort, ange dagen som '{}: ÅÅÅÅ-MM-DD' under 'evaluation:'", s.key)};
        if (done.ok()) {
            if (s.deadline < done.value) {
                f.add("evaluation-deadline-late", done.at,
                      {fmt::format("{} was done on {}, after its deadline {} (meeting {})", s.what.en, done.value.iso(),
                                   s.deadline.iso(), meeting.iso()),
                       fmt::format("{} gjordes {}, efter sista dagen {} (träffen {})", s.what.sv, done.value.iso(),
                                   s.deadline.iso(), meeting.iso())},
                      {"check the date; if it is right, consider moving the meeting with UNICEF",
                       "kontrollera datumet; stämmer det, överväg att flytta träffen med UNICEF"});
            }
            continue;
        }
        if (s.deadline < today) {
            f.add("evaluation-deadline-missed", at,
                  {fmt::format("the deadline to {} passed on {} (meeting {})", s.what.en, s.deadline.iso(), meeting.iso()),
                   fmt::format("sista dagen att {} var {} (träffen {})", s.what.sv, s.deadline.iso(), meeting.iso())},
                  add);
        } else if (s.deadline.days() - today.days() <= context.deadline_warning_days) {
            f.add("evaluation-deadline-near", at,
                  {fmt::format("{} by {}, in {} days (meeting {})", s.what.en, s.deadline.iso(),
                               s.deadline.days() - today.days(), meeting.iso()),
                   fmt::format("{} senast {}, om {} dagar (träffen {})", s.what.sv, s.deadline.iso(),
                               s.deadline.days() - today.days(), meeting.iso())},
                  add);
        }
    }
    const Evaluation& e = plan.evaluation;
    auto order = [&](const Located<Date>& first, const Located<Date>& then, const Text& what) {
        if (first.ok() && then.ok() && then.value < first.value) {
            f.add("evaluation-order", then.at, what,
                  {"the form is started, then approved by the coordination group, then stored; check the dates",
                   "blanketten påbörjas, godkänns av koordinationsgruppen och sparas sedan; kontrollera datumen"});
        }
    };
    order(e.form_started, e.form_approved,
          {"the form is approved before work on it started", "blanketten är godkänd innan arbetet med den började"});
    order(e.form_approved, e.form_stored,
          {"the form is stored before the coordination group approved it",
           "blanketten är sparad innan koordinationsgruppen godkände den"});
}

} // namespace barnplan::rules
