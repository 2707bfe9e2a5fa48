#include <barnplan/evaluation.hpp>

namespace barnplan {

std::vector<EvaluationStep> evaluation_steps(const Plan& plan)
{
    std::vector<EvaluationStep> out;
    const Evaluation& e = plan.evaluation;
    if (!plan.has_evaluation || !e.meeting.ok()) {
        return out;
    }
    const Date& meeting = e.meeting.value;
    out.push_back({"booked", {"book the evaluation meeting with UNICEF", "boka utvärderingsträffen med UNICEF"},
                   meeting.add_months(-1), std::nullopt, &e.booked});
    out.push_back({"form_started", {"start on the evaluation form", "börja med utvärderingsblanketten"},
                   meeting.add_months(-2), meeting.add_months(-3), &e.form_started});
    // The group approves the form before the coordinator stores it, so the
    // storing deadline is the approval's too.
    out.push_back({"form_approved",
                   {"have the coordination group approve the form", "låt koordinationsgruppen godkänna blanketten"},
                   meeting.add_days(-14), std::nullopt, &e.form_approved});
    out.push_back({"form_stored", {"store the form in UNICEF's service", "spara blanketten i UNICEFs digitaltjänst"},
                   meeting.add_days(-14), std::nullopt, &e.form_stored});
    return out;
}

} // namespace barnplan
