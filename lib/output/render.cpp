// Timeline rendering: a cgraph graph of the events on a date axis, laid out
// by dot and rendered by gvc (see render.h for what the picture shows).
#include "output/render.h"

#include <graphviz/gvc.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "output/detail/timeline.h"
#include "output/dot.h"

namespace eventgraph {
namespace {

using detail::escape_html_label;
using detail::mutable_chars;
using detail::set_attribute;
using detail::set_html_label;
using detail::Tick;

// Sizes, in points. A box is at least kBoxWidth wide and text wraps at
// kWrapColumns characters, which fills it at kFontSize.
constexpr const char* kFont = "Helvetica,Arial,sans-serif";
constexpr const char* kFontSize = "10";
constexpr const char* kBoxWidth = "150";
constexpr std::size_t kBadgeRowWidth = 144;
constexpr std::size_t kWrapColumns = 27;
constexpr std::size_t kMaxActorLines = 4;  // more actors: 3 and "+N more"

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};
constexpr const char* kWeekdayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
// ColorBrewer Dark2, for outlet badges with white text.
constexpr const char* kOutletColors[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a",
                                         "#66a61e", "#a6761d", "#1f78b4", "#666666"};

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }));
}

// `text` in lines of at most `columns` characters, broken at spaces; a
// longer word keeps a line of its own.
std::vector<std::string> wrap_words(std::string_view text, std::size_t columns) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    std::size_t word_width = code_points(word);
    if (!line.empty() && width + 1 + word_width > columns) {
      lines.push_back(std::move(line));
      line.clear();
      width = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++width;
    }
    line += word;
    width += word_width;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// Wrapped and escaped lines joined by left-aligned breaks.
std::string wrapped_html(std::string_view text, std::size_t columns = kWrapColumns) {
  std::string out;
  for (const std::string& line : wrap_words(text, columns)) {
    if (!out.empty()) out += "<BR ALIGN=\"LEFT\"/>";
    out += escape_html_label(line);
  }
  return out;
}

std::string capitalized(std::string_view word) {
  std::string out(word);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string month_name(date::year_month month) {
  return std::string(kMonthNames[static_cast<unsigned>(month.month()) - 1]) + " " +
         std::to_string(static_cast<int>(month.year()));
}

// --- The view: which events the picture shows.

struct View {
  std::vector<const Event*> events;  // in corpus (timeline) order
  std::string description;           // "reported by rt.com", for the title
  std::string error;
};

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string entity_name(const MergedCorpus& corpus, const std::string& id) {
  const Entity* entity = find_entity(corpus.entities, id);
  return entity ? entity->name : id;
}

// "Name (id)" of each entity that takes part in an event, by name.
std::vector<std::string> actors_in_events(const MergedCorpus& corpus) {
  std::set<std::pair<std::string, std::string>> named;
  for (const Event& e : corpus.events) {
    for (const ActorRole& a : e.actors) named.emplace(entity_name(corpus, a.entity_id), a.entity_id);
  }
  std::vector<std::string> out;
  for (const auto& [name, id] : named) out.push_back(name + " (" + id + ")");
  return out;
}

// The entities `wanted` names: the one with that id, else those with that
// name or alias (ASCII case ignored).
std::vector<const Entity*> match_actor(const MergedCorpus& corpus, const std::string& wanted) {
  if (const Entity* entity = find_entity(corpus.entities, wanted)) return {entity};
  std::string key = ascii_lower(wanted);
  std::vector<const Entity*> matches;
  for (const Entity& entity : corpus.entities) {
    bool is_match = ascii_lower(entity.name) == key ||
                    std::any_of(entity.aliases.begin(), entity.aliases.end(),
                                [&](const std::string& alias) { return ascii_lower(alias) == key; });
    if (is_match) matches.push_back(&entity);
  }
  return matches;
}

View select_view(const MergedCorpus& corpus, const RenderOptions& options) {
  View view;
  std::string entity_id;
  if (!options.outlet.empty()) {
    std::set<std::string> outlets;
    for (const Document& d : corpus.documents) {
      if (!d.outlet.empty()) outlets.insert(d.outlet);
    }
    for (const Event& e : corpus.events) outlets.insert(e.outlets.begin(), e.outlets.end());
    if (!outlets.count(options.outlet)) {
      view.error = "no outlet \"" + options.outlet + "\" in the corpus; outlets: " +
                   join({outlets.begin(), outlets.end()}, ", ");
      return view;
    }
    view.description = "reported by " + options.outlet;
  }
  if (!options.actor.empty()) {
    std::vector<const Entity*> matches = match_actor(corpus, options.actor);
    if (matches.empty()) {
      view.error = "no actor \"" + options.actor +
                   "\" in the corpus (an entity id, name or alias); actors: " +
                   join(actors_in_events(corpus), ", ");
      return view;
    }
    if (matches.size() > 1) {
      std::vector<std::string> names;
      for (const Entity* m : matches) names.push_back(m->name + " (" + m->id + ")");
      view.error = "actor \"" + options.actor + "\" names " + std::to_string(matches.size()) +
                   " entities: " + join(names, ", ") + "; give an id";
      return view;
    }
    entity_id = matches.front()->id;
    if (!view.description.empty()) view.description += ", ";
    view.description += "with " + matches.front()->name;
  }
  for (const Event& e : corpus.events) {
    if (!options.outlet.empty() &&
        !std::binary_search(e.outlets.begin(), e.outlets.end(), options.outlet)) {
      continue;
    }
    if (!entity_id.empty() && std::none_of(e.actors.begin(), e.actors.end(), [&](const ActorRole& a) {
          return a.entity_id == entity_id;
        })) {
      continue;
    }
    view.events.push_back(&e);
  }
  return view;
}

// --- Labels.

// Outlet -> badge color, by the outlet's place among all the corpus's
// outlets, so that every view of one corpus colors an outlet alike.
class OutletColors {
 public:
  explicit OutletColors(const MergedCorpus& corpus) {
    for (const Document& d : corpus.documents) outlets_.insert(d.outlet);
    for (const Event& e : corpus.events) outlets_.insert(e.outlets.begin(), e.outlets.end());
  }
  std::string color(const std::string& outlet) const {
    auto index = static_cast<std::size_t>(std::distance(outlets_.begin(), outlets_.find(outlet)));
    return kOutletColors[index % std::size(kOutletColors)];
  }

 private:
  std::set<std::string> outlets_;
};

std::string event_date_text(const Event& e) {
  if (!e.time.is_resolved()) return e.time.value.starts_with("XXXX") ? "no date" : e.time.value;
  if (e.time.granularity == Granularity::day) return format_day(*e.time.earliest);
  return e.time.value + " (" + std::string(to_string(e.time.granularity)) + ")";
}

// The width of `text` at `points` in DejaVu Sans, the widest of the common
// sans-serif fonts fontconfig gives for Helvetica (Liberation and Nimbus
// Sans are narrower), from its advance widths per 1000 units; a character
// outside ASCII counts as a full em, like a CJK one.
double text_width_points(std::string_view text, double points) {
  // ASCII 32..126.
  static constexpr short kAdvance[95] = {
      318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
      636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
      1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
      603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
      500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
      635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};
  double units = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 32 && byte < 127) {
      units += kAdvance[byte - 32];
    } else if ((byte & 0xC0) != 0x80) {
      units += 1000;
    }
  }
  return units * points / 1000;
}

// A badge per outlet, left-aligned, in rows that fit the box. Graphviz
// stretches table cells to fill their table, so each badge is a fixed-size
// cell, as wide as its name at 8 points needs.
std::string badges_html(const std::vector<std::string>& outlets, const OutletColors& colors) {
  std::string out = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">)";
  if (outlets.empty()) return out + "<TR><TD></TD></TR></TABLE>";
  std::size_t row_width = 0;
  for (std::size_t i = 0; i < outlets.size(); ++i) {
    auto width = static_cast<std::size_t>(text_width_points(outlets[i], 8)) + 7;  // padding
    if (i == 0 || row_width + 2 + width > kBadgeRowWidth) {
      out += i == 0 ? "<TR>" : "</TR><TR>";
      row_width = 0;
    }
    row_width += 2 + width;
    out += "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"" + std::to_string(width) +
           R"(" HEIGHT="13" CELLPADDING="2" ALIGN="LEFT" BGCOLOR=")" + colors.color(outlets[i]) +
           R"(" STYLE="rounded"><FONT COLOR="#ffffff" POINT-SIZE="8">)" +
           escape_html_label(outlets[i]) + "</FONT></TD>";
  }
  return out + "</TR></TABLE>";
}

std::string event_html(const Event& e, const MergedCorpus& corpus, const OutletColors& colors) {
  auto row = [](const std::string& content) {
    return R"(<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">)" + content + "</TD></TR>";
  };
  bool is_day = e.time.is_resolved() && e.time.granularity == Granularity::day;
  std::string html = "<TABLE BORDER=\"1\" COLOR=\"#555555\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                     "CELLPADDING=\"3\" WIDTH=\"" + std::string(kBoxWidth) + "\" BGCOLOR=\"" +
                     detail::type_color(e.type) + "\" STYLE=\"" +
                     (is_day ? "rounded" : "rounded,dashed") + "\">";
  html += "<TR><TD ALIGN=\"LEFT\"><B>" + escape_html_label(capitalized(e.type)) +
          R"(</B></TD><TD ALIGN="RIGHT"><FONT POINT-SIZE="9" COLOR="#333333">)" +
          escape_html_label(event_date_text(e)) + "</FONT></TD></TR>";
  std::size_t shown = e.actors.size() <= kMaxActorLines ? e.actors.size() : kMaxActorLines - 1;
  std::string actors;
  for (std::size_t i = 0; i < shown; ++i) {
    if (!actors.empty()) actors += "<BR ALIGN=\"LEFT\"/>";
    actors += wrapped_html(entity_name(corpus, e.actors[i].entity_id));
  }
  if (shown < e.actors.size()) {
    actors += "<BR ALIGN=\"LEFT\"/><I>+" + std::to_string(e.actors.size() - shown) + " more</I>";
  }
  if (!actors.empty()) html += row(actors);
  std::string notes;
  if (e.place_id) notes += wrapped_html("in " + entity_name(corpus, *e.place_id));
  if (e.modality != Modality::asserted) {
    if (!notes.empty()) notes += "<BR ALIGN=\"LEFT\"/>";
    notes += escape_html_label(to_string(e.modality));
  }
  std::set<std::string> disputed;
  for (const Conflict& conflict : e.conflicts) disputed.insert(conflict.field);
  if (!disputed.empty()) {
    if (!notes.empty()) notes += "<BR ALIGN=\"LEFT\"/>";
    notes += "sources differ on " + escape_html_label(join({disputed.begin(), disputed.end()}, ", "));
  }
  if (!notes.empty()) html += row(R"(<FONT POINT-SIZE="9" COLOR="#333333"><I>)" + notes + "</I></FONT>");
  html += row(badges_html(e.outlets, colors));
  html += "</TABLE>";
  return html;
}

std::string axis_html(const Tick& tick) {
  auto two_lines = [](const std::string& top, const std::string& bottom) {
    return "<B>" + escape_html_label(top) + R"(</B><BR/><FONT POINT-SIZE="9" COLOR="#555555">)" +
           escape_html_label(bottom) + "</FONT>";
  };
  if (tick.is_undated) return two_lines("undated", "no date known");
  if (tick.is_day()) {
    unsigned weekday = date::weekday{tick.first}.c_encoding();
    return two_lines(format_day(tick.first), kWeekdayNames[weekday]);
  }
  date::year_month_day first{tick.first}, last{tick.last};
  bool is_whole_month = first.day() == date::day{1} && tick.is_within_month() &&
                        date::year_month_day{tick.last + date::days{1}}.day() == date::day{1};
  if (is_whole_month) return two_lines(month_name(first.year() / first.month()), "some day in the month");
  bool is_whole_year = first.month() == date::January && first.day() == date::day{1} &&
                       last.month() == date::December && last.day() == date::day{31} &&
                       first.year() == last.year();
  if (is_whole_year) return two_lines(std::to_string(static_cast<int>(first.year())), "some day in the year");
  return two_lines(format_day(tick.first) + " \xE2\x80\x93 " + format_day(tick.last),
                   "some day in between");
}

std::string title_html(const std::string& title, const std::string& subtitle,
                       const std::map<std::string, std::size_t>& types) {
  std::string html = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="3">)";
  html += R"(<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="18"><B>)" +
          escape_html_label(title) + "</B></FONT></TD></TR>";
  html += R"(<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="#444444">)" +
          escape_html_label(subtitle) + "</FONT></TD></TR>";
  // The legend: fixed-size cells in a fixed-size table, or Graphviz
  // would stretch them to the width of the title.
  std::string legend;
  std::size_t legend_width = 4;
  for (const auto& [type, count] : types) {
    std::string text = capitalized(type) + " (" + std::to_string(count) + ")";
    auto width = static_cast<std::size_t>(text_width_points(text, 10)) + 12;  // padding, border
    legend_width += width + 4;
    legend += "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"" + std::to_string(width) +
              R"(" HEIGHT="20" BORDER="1" COLOR="#555555" STYLE="rounded" BGCOLOR=")" +
              detail::type_color(type) + R"("><FONT POINT-SIZE="10">)" + escape_html_label(text) +
              "</FONT></TD>";
  }
  if (types.empty()) return html + "</TABLE>";
  html += R"(<TR><TD ALIGN="LEFT"><TABLE FIXEDSIZE="TRUE" WIDTH=")" +
          std::to_string(legend_width + 2) + R"(" HEIGHT="28" ALIGN="LEFT" BORDER="0" CELLSPACING="4" CELLPADDING="0"><TR>)" +
          legend + "</TR></TABLE></TD></TR></TABLE>";
  return html;
}

// --- Graphviz.

// Collects what Graphviz reports instead of letting it print to stderr.
// cgraph's error hook is process-wide, so render_timeline is not meant to
// run on two threads at once.
std::string* g_graphviz_messages = nullptr;
int collect_message(char* text) {
  if (g_graphviz_messages) g_graphviz_messages->append(text);
  return 0;
}


}  // namespace

std::optional<ImageFormat> image_format_for(const std::filesystem::path& path) {
  std::string extension = ascii_lower(path.extension().string());
  if (extension == ".svg") return ImageFormat::svg;
  if (extension == ".png") return ImageFormat::png;
  return std::nullopt;
}

std::string_view to_string(ImageFormat format) {
  return format == ImageFormat::png ? "png" : "svg";
}

RenderedTimeline render_timeline(const MergedCorpus& corpus, const RenderOptions& options) {
  RenderedTimeline result;
  View view = select_view(corpus, options);
  if (!view.error.empty()) {
    result.error = std::move(view.error);
    return result;
  }
  result.events_drawn = view.events.size();

  // Columns: the ticks of the events shown, each with its events by type.
  std::set<Tick> tick_set;
  for (const Event* e : view.events) tick_set.insert(detail::event_tick(*e));
  const detail::TimelineAxis axis(tick_set);
  std::vector<std::vector<const Event*>> columns(axis.ticks().size());
  std::map<std::string, std::size_t> type_counts;
  for (const Event* e : view.events) {
    columns[axis.index_of(detail::event_tick(*e))].push_back(e);
    ++type_counts[e->type];
  }
  for (auto& column : columns) {
    std::stable_sort(column.begin(), column.end(), [](const Event* a, const Event* b) {
      return std::tie(a->type, a->label, a->id) < std::tie(b->type, b->label, b->id);
    });
  }

  std::string title = options.title;
  if (title.empty()) {
    title = "Timeline of " + std::to_string(view.events.size()) +
            (view.events.size() == 1 ? " event" : " events");
    if (!view.description.empty()) title += " " + view.description;
  }
  std::set<std::string> outlets_shown;
  for (const Event* e : view.events) outlets_shown.insert(e->outlets.begin(), e->outlets.end());
  std::string subtitle;
  std::vector<Tick> dated;
  for (const Tick& t : axis.ticks()) {
    if (!t.is_undated) dated.push_back(t);
  }
  if (!dated.empty()) {
    date::sys_days first = dated.front().first, last = dated.front().last;
    for (const Tick& t : dated) {
      first = std::min(first, t.first);
      last = std::max(last, t.last);
    }
    subtitle = format_day(first) + " to " + format_day(last) + "; ";
  }
  if (view.events.empty()) {
    subtitle = "No events in this view.";
  } else {
    subtitle += std::to_string(outlets_shown.size()) +
                (outlets_shown.size() == 1 ? " outlet: " : " outlets: ") +
                join({outlets_shown.begin(), outlets_shown.end()}, ", ") +
                ". Dashed boxes: dated to a month or a longer range.";
  }

  // gvContext() before the graph: it declares the default node label.
  // It loads the plugins Debian's graphviz lists in its config6a (dot
  // layout, core SVG, cairo PNG), as the dot command does.
  std::string messages;
  g_graphviz_messages = &messages;
  agseterrf(collect_message);
  struct Restore {
    ~Restore() {
      agseterrf(nullptr);
      g_graphviz_messages = nullptr;
    }
  } restore;
  // One context for the process, as gvc intends: Graphviz 2.43 keeps a
  // font cache across contexts, and a second gvContext after gvFreeContext
  // read freed memory in the pango plugin (ASan, two renders in one process).
  static GVC_t* const context = gvContext();
  if (!context) throw std::runtime_error("Graphviz could not start (gvContext failed)");

  detail::GraphHandle owner = detail::open_graph("timeline");
  Agraph_t* root = owner.get();
  set_attribute(root, "rankdir", "LR");
  set_attribute(root, "charset", "UTF-8");
  set_attribute(root, "fontname", kFont);
  set_attribute(root, "bgcolor", "white");
  set_attribute(root, "pad", "0.3");
  set_attribute(root, "nodesep", "0.12");
  set_attribute(root, "ranksep", "0.3");
  set_attribute(root, "labelloc", "t");
  set_attribute(root, "labeljust", "l");
  set_html_label(root, title_html(title, subtitle, type_counts));
  agattr(root, AGNODE, mutable_chars("shape"), mutable_chars("plain"));
  agattr(root, AGNODE, mutable_chars("fontname"), mutable_chars(kFont));
  agattr(root, AGNODE, mutable_chars("fontsize"), mutable_chars(kFontSize));
  agattr(root, AGEDGE, mutable_chars("fontname"), mutable_chars(kFont));
  agattr(root, AGEDGE, mutable_chars("fontsize"), mutable_chars("9"));

  // Bands: a cluster per month (its ticks lie inside it) and one for the
  // undated events; a range across months stands alone.
  std::map<std::string, Agraph_t*> bands;
  auto band_of = [&](const Tick& tick) -> Agraph_t* {
    std::string name, label;
    if (tick.is_undated) {
      name = "cluster_undated";
      label = "Undated";
    } else if (tick.is_within_month()) {
      date::year_month_day ymd{tick.first};
      name = "cluster_" + format_day(tick.first).substr(0, 7);
      label = month_name(ymd.year() / ymd.month());
    } else {
      return root;
    }
    auto [it, is_new] = bands.try_emplace(name, nullptr);
    if (is_new) {
      it->second = agsubg(root, mutable_chars(name), 1);
      set_attribute(it->second, "label", escape_dot_label(label));
      set_attribute(it->second, "labeljust", "l");
      set_attribute(it->second, "fontsize", "14");
      set_attribute(it->second, "style", "filled");
      set_attribute(it->second, "color", "#d0d0d0");
      set_attribute(it->second, "fillcolor", bands.size() % 2 == 1 ? "#f4f6f9" : "#fbfbf4");
    }
    return it->second;
  };

  detail::NodeNamer names(root);
  OutletColors outlet_colors(corpus);
  Agnode_t* previous_axis = nullptr;
  const Tick* previous_tick = nullptr;
  for (std::size_t i = 0; i < axis.ticks().size(); ++i) {
    const Tick& tick = axis.ticks()[i];
    Agraph_t* rank = agsubg(band_of(tick), nullptr, 1);
    set_attribute(rank, "rank", "same");
    auto add_node = [&](const std::string& wanted) {
      Agnode_t* n = agnode(root, mutable_chars(names.name_for(wanted)), 1);
      agsubnode(rank, n, 1);
      return n;
    };

    Agnode_t* axis_node = add_node("axis:" + tick.label());
    set_html_label(axis_node, axis_html(tick));
    set_attribute(axis_node, "id", "axis:" + tick.label());
    if (previous_axis) {
      Agedge_t* line = agedge(root, previous_axis, axis_node, nullptr, 1);
      set_attribute(line, "weight", "100");
      set_attribute(line, "arrowhead", "none");
      if (tick.is_undated) {
        set_attribute(line, "style", "invis");  // no time passes into "undated"
      } else {
        set_attribute(line, "color", "#777777");
        set_attribute(line, "penwidth", "2");
        auto gap = (tick.first - previous_tick->last).count() - 1;
        if (previous_tick->is_day() && tick.is_day() && gap > 0) {
          set_attribute(line, "style", "dashed");
          set_attribute(line, "xlabel", std::to_string(gap) + (gap == 1 ? " day" : " days"));
          set_attribute(line, "fontcolor", "#777777");
        }
      }
    }
    previous_axis = axis_node;
    previous_tick = &tick;

    // Invisible flat edges stack the column: the axis on top, then the
    // events in type order. A flat edge keeps its tail before its head,
    // which rankdir=LR turns into below, so each edge points up.
    Agnode_t* above = axis_node;
    for (const Event* e : columns[i]) {
      Agnode_t* n = add_node(e->id);
      set_attribute(n, "id", e->id);
      set_attribute(n, "tooltip", escape_dot_label(e->label));
      set_html_label(n, event_html(*e, corpus, outlet_colors));
      set_attribute(agedge(root, n, above, nullptr, 1), "style", "invis");
      above = n;
    }
  }

  if (gvLayout(context, root, "dot") != 0) {
    throw std::runtime_error("Graphviz could not lay out the timeline: " + messages);
  }
  // Free the layout before the graph closes, whatever happens.
  struct LayoutFreer {
    GVC_t* gvc;
    Agraph_t* graph;
    ~LayoutFreer() { gvFreeLayout(gvc, graph); }
  } free_layout{context, root};
  // The core SVG writer (text as text, a <g> per node with its id); PNG
  // needs the cairo plugin (libgvplugin_pango, Debian's libgvc6).
  const char* renderer = options.format == ImageFormat::png ? "png:cairo" : "svg:svg";
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(context, root, renderer, &data, &length) != 0 || !data) {
    if (data) gvFreeRenderData(data);
    throw std::runtime_error(std::string("Graphviz could not render ") +
                             std::string(to_string(options.format)) +
                             (options.format == ImageFormat::png
                                  ? " (the cairo plugin, libgvplugin_pango.so from Debian's "
                                    "libgvc6, must be installed and listed by `dot -c`)"
                                  : "") +
                             (messages.empty() ? "" : ": " + messages));
  }
  result.bytes.assign(data, length);
  gvFreeRenderData(data);
  result.warnings = std::move(messages);
  return result;
}

}  // namespace eventgraph
