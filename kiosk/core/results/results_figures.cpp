#include "results/results_figures.h"

#include <cmath>

namespace kiosk {

double Percent(const QuestionResults& question, const OptionTally& option, Slice slice) {
    const int64_t base = question.respondents[(size_t)slice];
    return base > 0 ? 100.0 * (double)option.count[(size_t)slice] / (double)base : 0.0;
}

int64_t ValueCount(const QuestionResults& question, Slice slice) {
    int64_t n = 0;
    for (const auto& [value, count] : question.values)
        n += count[(size_t)slice];
    return n;
}

std::optional<double> Mean(const QuestionResults& question, Slice slice) {
    int64_t n = 0;
    double sum = 0;
    for (const auto& [value, count] : question.values) {
        n += count[(size_t)slice];
        sum += value * (double)count[(size_t)slice];
    }
    if (n == 0) return std::nullopt;
    return sum / (double)n;
}

std::optional<double> Median(const QuestionResults& question, Slice slice) {
    const int64_t n = ValueCount(question, slice);
    if (n == 0) return std::nullopt;
    // The values at 0-based ranks (n-1)/2 and n/2 (the same one when n is odd).
    const int64_t low_rank = (n - 1) / 2, high_rank = n / 2;
    std::optional<double> low, high;
    int64_t seen = 0;
    for (const auto& [value, count] : question.values) {
        seen += count[(size_t)slice];
        if (!low && seen > low_rank) low = value;
        if (!high && seen > high_rank) {
            high = value;
            break;
        }
    }
    return (*low + *high) / 2;
}

std::optional<double> MeanRank(const OptionTally& option, Slice slice) {
    const int64_t n = option.count[(size_t)slice];
    if (n == 0) return std::nullopt;
    return option.rank_sum[(size_t)slice] / (double)n;
}

std::vector<HistogramBin> Histogram(const QuestionResults& question, Slice slice, int max_bins) {
    std::vector<HistogramBin> bins;
    std::optional<double> min, max;
    for (const auto& [value, count] : question.values)
        if (count[(size_t)slice] > 0) {
            if (!min) min = value;
            max = value;
        }
    if (!min || max_bins < 1) return bins;
    const double span = *max - *min;
    double width = 1;
    if (span + 1 > max_bins) {
        // The smallest round width that covers the span in max_bins bins.
        const double raw = (span + 1) / max_bins;
        const double decade = std::pow(10.0, std::floor(std::log10(raw)));
        for (double step : {1.0, 2.0, 5.0, 10.0}) {
            width = step * decade;
            if (std::floor(*max / width) - std::floor(*min / width) + 1 <= max_bins) break;
        }
    }
    const double start = std::floor(*min / width) * width;
    const int count = (int)(std::floor((*max - start) / width)) + 1;
    for (int i = 0; i < count; i++)
        bins.push_back({start + i * width, start + (i + 1) * width, 0});
    for (const auto& [value, n] : question.values) {
        const int index = std::min(count - 1, std::max(0, (int)std::floor((value - start) / width)));
        bins[(size_t)index].count += n[(size_t)slice];
    }
    return bins;
}

int64_t VisibleTexts(const QuestionResults& question, Slice slice) {
    return question.respondents[(size_t)slice] - question.hidden_texts[(size_t)slice];
}

} // namespace kiosk
