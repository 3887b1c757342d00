// Timeline pictures: the merged events laid out by Graphviz (dot, through
// gvc) and rendered as SVG or PNG.
//
// Takes: a MergedCorpus (from the pipeline, or read back from events.json).
// Gives: the image bytes, or an error when the view asks for an outlet or
// actor the corpus does not have.
//
//   RenderOptions options;
//   options.format = *image_format_for("timeline.svg");
//   options.outlet = "rt.com";  // optional: only what rt.com reported
//   RenderedTimeline image = render_timeline(corpus, options);
//   if (!image.error.empty()) ...  // "no outlet "x.com"; outlets: ..."
//   write_file_atomically("timeline.svg", image.bytes);
//
// The picture: time runs left to right. A date axis on top has one column
// per day that has events (days without any are left out; a dashed stretch
// of axis says how many), grouped in a shaded band per month. An event
// dated only to a month (or another range inside one) stands in a column of
// its own at the start of its month's band, labelled with the month, not a
// day; events without a date sit in an "undated" band at the end. Each
// event is a box filled with its type's color (legend under the title)
// holding its type, date, actors (four at most, then "+N more"), place,
// modality when not asserted, and a badge per outlet that reported it.
// The same corpus and options give the same SVG bytes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "merge/merge.h"

namespace eventgraph {

enum class ImageFormat { svg, png };

// The format named by the extension of `path` (".svg", ".png", any case),
// or nullopt for any other extension.
std::optional<ImageFormat> image_format_for(const std::filesystem::path& path);
std::string_view to_string(ImageFormat format);  // "svg", "png"

struct RenderOptions {
  ImageFormat format = ImageFormat::svg;
  std::string title;   // empty: "Timeline of N events" and the view
  std::string outlet;  // non-empty: only the events this outlet reported
  std::string actor;   // non-empty: only the events of this actor, named by
                       // entity id, name or alias (ASCII case ignored)
};

struct RenderedTimeline {
  std::string bytes;   // the SVG or PNG file; empty when `error` is set
  std::string error;   // why the view is empty of meaning: unknown outlet or
                       // actor, with the ones that exist
  std::string warnings;  // what Graphviz warned about while drawing, if anything
  std::size_t events_drawn = 0;
};

// Lays out and renders the timeline of `corpus` as options say. Throws
// std::runtime_error when Graphviz fails (its messages included), e.g.
// when the cairo plugin that writes PNG is not installed.
RenderedTimeline render_timeline(const MergedCorpus& corpus, const RenderOptions& options);

}  // namespace eventgraph
