#include "survey/profile.h"

namespace kiosk {

const ReferenceDimension* ReferencePopulation::Find(std::string_view question_id) const {
    for (const ReferenceDimension& d : dimensions)
        if (d.question_id == question_id) return &d;
    return nullptr;
}

bool ProfileBlock::IsProfileQuestion(std::string_view question_id) const {
    for (const Question& q : questions)
        if (q.id == question_id) return true;
    return false;
}

} // namespace kiosk
