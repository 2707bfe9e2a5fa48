#pragma once

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace barnplan {

/// One preparation step before UNICEF's evaluation meeting (seed 002), with
/// the latest day it is to be done, counted back from the meeting.
struct EvaluationStep {
    std::string_view key;            ///< the key under `evaluation:`, e.g. "booked"
    Text what;                       ///< "book the meeting"
    Date deadline;                   ///< done on or before this day
    std::optional<Date> opens;       ///< form_started: not sensibly before 3 months ahead
    const Located<Date>* done = nullptr; ///< the recorded date, if any
};

/// The steps, in order, when the plan has an evaluation meeting date; empty
/// otherwise. Booked a month before; the form started 2–3 months before;
/// approved by the coordination group and stored two weeks before.
[[nodiscard]] std::vector<EvaluationStep> evaluation_steps(const Plan& plan);

} // namespace barnplan
