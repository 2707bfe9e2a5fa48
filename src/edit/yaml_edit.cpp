// Text-level edits of one YAML document. Every edit is an insertion or a
// replacement at byte offsets found from the parse tree, so the bytes around
// it are the bytes the person wrote. Where the shape of the text is not one
// this file understands, it refuses rather than guesses.

#include <barnplan/edit.hpp>
#include <barnplan/yaml_tree.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace barnplan {
namespace {

Diagnostic refusal(const std::string& file, std::string rule, Position at, Text message, Text hint)
{
    Diagnostic d;
    d.rule = std::move(rule);
    d.severity = Severity::error;
    d.file = file;
    d.position = at;
    d.message = std::move(message);
    d.hint = std::move(hint);
    return d;
}

/// The text's lines and the few facts about its style an edit copies.
class Lines {
public:
    explicit Lines(std::string_view text) : m_text(text)
    {
        m_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') {
                m_starts.push_back(i + 1);
            }
        }
        const std::size_t nl = text.find('\n');
        m_eol = nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
    }

    [[nodiscard]] std::size_t count() const { return m_starts.size(); }
    [[nodiscard]] std::size_t line_of(std::size_t offset) const
    {
        return static_cast<std::size_t>(std::upper_bound(m_starts.begin(), m_starts.end(), offset) - m_starts.begin()) -
               1;
    }
    [[nodiscard]] std::size_t start(std::size_t line) const { return m_starts[line]; }
    /// The offset of the line break (or the end of the text) of `line`.
    [[nodiscard]] std::size_t end(std::size_t line) const
    {
        std::size_t e = line + 1 < m_starts.size() ? m_starts[line + 1] - 1 : m_text.size();
        if (e > m_starts[line] && m_text[e - 1] == '\r') {
            --e;
        }
        return e;
    }
    [[nodiscard]] std::string_view text(std::size_t line) const
    {
        return m_text.substr(start(line), end(line) - start(line));
    }
    [[nodiscard]] std::size_t indent(std::size_t line) const
    {
        const std::string_view t = text(line);
        std::size_t i = 0;
        while (i < t.size() && t[i] == ' ') {
            ++i;
        }
        return i;
    }
    /// Blank, or only a comment: no content of the document.
    [[nodiscard]] bool is_filler(std::size_t line) const
    {
        const std::string_view t = text(line);
        const std::size_t i = t.find_first_not_of(" \t");
        return i == std::string_view::npos || t[i] == '#';
    }
    [[nodiscard]] std::size_t column(std::size_t offset) const { return offset - start(line_of(offset)); }
    [[nodiscard]] const std::string& eol() const { return m_eol; }

private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
    std::string m_eol;
};

/// The offset just past the flow collection opening at `open`, or npos.
std::size_t flow_end(std::string_view text, std::size_t open)
{
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            for (++i; i < text.size(); ++i) {
                if (c == '"' && text[i] == '\\') {
                    ++i;
                } else if (text[i] == c) {
                    if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                        ++i;
                    } else {
                        break;
                    }
                }
            }
        } else if (c == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
            while (i < text.size() && text[i] != '\n') {
                ++i;
            }
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0) {
                return i + 1;
            }
        }
    }
    return std::string_view::npos;
}

/// Whether the scalar's whole source is the one-line token at its position,
/// so it can be replaced by replacing that token.
bool one_line_scalar(std::string_view text, const YamlNode& node)
{
    if (!node.is_scalar() || node.position.offset + node.position.length > text.size()) {
        return false;
    }
    const std::string_view token = text.substr(node.position.offset, node.position.length);
    if (node.style == YamlNode::Style::plain) {
        return token == node.value;
    }
    return token.size() >= 2 && (token.front() == '"' || token.front() == '\'') && token.back() == token.front();
}

/// The offset just past a node written on one stretch: a flow collection or a
/// one-line scalar; npos for anything else.
std::size_t compact_end(std::string_view text, const YamlNode& node)
{
    if ((node.is_mapping() || node.is_sequence()) && node.style == YamlNode::Style::flow) {
        return flow_end(text, node.position.offset);
    }
    if (one_line_scalar(text, node)) {
        return node.position.offset + node.position.length;
    }
    return std::string_view::npos;
}

std::string quoted(std::string_view text);

class Editor {
public:
    Editor(std::string_view text, const std::string& file) : m_text(text), m_file(file), m_lines(text) {}

    /// Parses and refuses what cannot be edited safely: syntax errors,
    /// several documents, aliases.
    bool open(Diagnostics& out)
    {
        m_doc = parse_yaml(m_text, m_file);
        for (const Diagnostic& d : m_doc.diagnostics) {
            if (d.rule == "yaml-alias") {
                out.push_back(refusal(m_file, "edit-alias", d.position,
                                      {"cannot edit a file with aliases (*name): a change would also change every "
                                       "place the alias stands for",
                                       "kan inte ändra en fil med alias (*namn): en ändring skulle också ändra varje "
                                       "ställe som aliaset står för"},
                                      {"write the aliased value out in full, then record again",
                                       "skriv ut det aliaserade värdet i sin helhet och registrera sedan igen"}));
                return false;
            }
            if (d.rule == "multi-document") {
                out.push_back(refusal(m_file, "edit-multi-document", d.position,
                                      {"cannot edit a file that holds more than one YAML document (---)",
                                       "kan inte ändra en fil som innehåller mer än ett YAML-dokument (---)"},
                                      {"keep one plan per file", "ha en plan per fil"}));
                return false;
            }
        }
        for (const Diagnostic& d : m_doc.diagnostics) {
            if (d.rule != "duplicate-key") {
                Diagnostic copy = d;
                copy.message.en = "cannot edit: " + d.message.en;
                copy.message.sv = "kan inte ändra: " + d.message.sv;
                out.push_back(std::move(copy));
                return false;
            }
        }
        if (!m_doc.root || !m_doc.root->is_mapping()) {
            out.push_back(refusal(
                m_file, "edit-unsafe", {},
                {"the file is not a plan (no top-level mapping)", "filen är ingen plan (ingen mappning överst)"}, {}));
            return false;
        }
        return true;
    }

    /// Follows `path` to a mapping; nullptr (reported) when it is not there or
    /// an anchor is in the way.
    const YamlNode* resolve(const YamlPath& path, Diagnostics& out)
    {
        const YamlNode* node = m_doc.root.get();
        if (!not_anchored(*node, out)) {
            return nullptr;
        }
        std::string where;
        for (const YamlStep& step : path) {
            const auto* entry = node->find(step.key);
            where += (where.empty() ? "" : ".") + step.key;
            if (entry == nullptr) {
                out.push_back(refusal(
                    m_file, "edit-unsafe", node->position,
                    {fmt::format("'{}' is not in the file", where), fmt::format("'{}' finns inte i filen", where)},
                    {}));
                return nullptr;
            }
            if (!not_anchored(entry->first, out) || !not_anchored(entry->second, out)) {
                return nullptr;
            }
            node = &entry->second;
            if (step.match_key.empty()) {
                continue;
            }
            const YamlNode* found = nullptr;
            if (node->is_sequence()) {
                for (const YamlNode& item : node->items) {
                    const auto* m = item.is_mapping() ? item.find(step.match_key) : nullptr;
                    if (m != nullptr && m->second.is_scalar() && m->second.value == step.match_value) {
                        found = &item;
                        break;
                    }
                }
            }
            where += fmt::format("[{}={}]", step.match_key, step.match_value);
            if (found == nullptr) {
                out.push_back(refusal(
                    m_file, "edit-unsafe", node->position,
                    {fmt::format("'{}' is not in the file", where), fmt::format("'{}' finns inte i filen", where)},
                    {}));
                return nullptr;
            }
            if (!not_anchored(*found, out)) {
                return nullptr;
            }
            node = found;
        }
        if (!node->is_mapping()) {
            out.push_back(refusal(
                m_file, "edit-unsafe", node->position,
                {fmt::format("'{}' is not a mapping", where), fmt::format("'{}' är ingen mappning", where)}, {}));
            return nullptr;
        }
        return node;
    }

    bool not_anchored(const YamlNode& node, Diagnostics& out) const
    {
        if (!node.anchor) {
            return true;
        }
        out.push_back(refusal(m_file, "edit-anchor", node.position,
                              {"cannot edit here: an anchor (&name) is in the way, and a change would also change "
                               "what refers to it",
                               "kan inte ändra här: ett ankare (&namn) står i vägen, och en ändring skulle också "
                               "ändra det som hänvisar till det"},
                              {"remove the anchor or write the value out, then record again",
                               "ta bort ankaret eller skriv ut värdet och registrera sedan igen"}));
        return false;
    }

    /// Refuses when any node under `node` carries an anchor.
    bool none_anchored_below(const YamlNode& node, Diagnostics& out) const
    {
        if (!not_anchored(node, out)) {
            return false;
        }
        for (const YamlNode& item : node.items) {
            if (!none_anchored_below(item, out)) {
                return false;
            }
        }
        for (const auto& [k, v] : node.entries) {
            if (!none_anchored_below(k, out) || !none_anchored_below(v, out)) {
                return false;
            }
        }
        return true;
    }

    std::optional<std::string> set_scalar(const YamlNode& map, const std::string& key, const std::string& value,
                                          const std::vector<std::string>& after, Diagnostics& out)
    {
        if (const auto* entry = map.find(key)) {
            if (!not_anchored(entry->second, out)) {
                return std::nullopt;
            }
            const YamlNode& v = entry->second;
            if (v.is_scalar() && one_line_scalar(m_text, v)) {
                return replace(v.position.offset, v.position.length, value);
            }
            if (v.is_null()) {
                return fill_null(entry->first, value, out);
            }
            if (v.is_scalar() && map.style == YamlNode::Style::block) {
                // A value over several lines (folded, literal or wrapped) ends
                // where its entry's last line ends.
                const auto index = static_cast<std::size_t>(entry - map.entries.data());
                const std::size_t end = m_lines.end(entry_last_line(map, index));
                if (v.position.offset > entry->first.position.offset && v.position.offset < end) {
                    return replace(v.position.offset, end - v.position.offset, value);
                }
            }
            out.push_back(
                refusal(m_file, "edit-unsafe", entry->first.position,
                        {fmt::format("cannot replace the value of '{}' safely: it is not a one-line value", key),
                         fmt::format("kan inte byta värdet för '{}' säkert: det är inte ett värde på en rad", key)},
                        {"write it on one line, then try again", "skriv det på en rad och försök igen"}));
            return std::nullopt;
        }
        return insert_key(map, key, value, after, out);
    }

    std::optional<std::string> append_entry(const YamlNode& map, const std::string& key,
                                            const std::vector<YamlField>& fields, const std::vector<std::string>& after,
                                            Diagnostics& out)
    {
        const auto* entry = map.find(key);
        if (entry == nullptr) {
            return create_list(map, key, fields, after, out);
        }
        if (!none_anchored_below(entry->second, out)) {
            return std::nullopt;
        }
        const YamlNode& list = entry->second;
        if (list.is_null()) {
            return fill_null_with_list(map, entry->first, key, fields, out);
        }
        if (!list.is_sequence()) {
            out.push_back(refusal(m_file, "edit-unsafe", entry->first.position,
                                  {fmt::format("'{}' is not a list", key), fmt::format("'{}' är ingen lista", key)},
                                  {}));
            return std::nullopt;
        }
        if (list.style == YamlNode::Style::flow) {
            return append_flow(list, fields, out);
        }
        return append_block(list, fields, out);
    }

private:
    /// How the items of an existing list are written, to copy for a new one.
    struct ItemStyle {
        bool flow = true;        ///< `{ k: v }` rather than key lines
        std::string open = "{ "; ///< "{ " or "{"
        std::string close = " }";
        std::size_t key_gap = 2;     ///< columns from the dash to the first key
        std::size_t dash_offset = 2; ///< columns from the list's key to its dashes
        char key_quote = '\0';       ///< keys written '…' or "…"
        bool flow_list = false;      ///< the list itself is `[ … ]`
    };

    std::string replace(std::size_t offset, std::size_t length, const std::string& with) const
    {
        std::string out(m_text.substr(0, offset));
        out += with;
        out += m_text.substr(offset + length);
        return out;
    }

    std::string insert(std::size_t offset, const std::string& what) const { return replace(offset, 0, what); }

    /// The line of the last content of `node` and all it holds.
    std::optional<std::size_t> last_line(const YamlNode& node) const
    {
        const std::size_t compact = compact_end(m_text, node);
        if (compact != std::string_view::npos) {
            return m_lines.line_of(compact - 1);
        }
        if (node.is_null()) {
            return std::nullopt;
        }
        if (node.is_scalar()) {
            // A multi-line scalar ends before the next line indented no deeper
            // than the key it belongs to; the caller's block scan finds that.
            return std::nullopt;
        }
        if (node.is_mapping() && !node.entries.empty()) {
            const std::size_t first = m_lines.line_of(node.entries.front().first.position.offset);
            const std::size_t col = m_lines.column(node.entries.front().first.position.offset);
            return scan_block(first, [&](std::size_t indent, char) { return indent >= col; });
        }
        if (node.is_sequence() && !node.items.empty()) {
            const std::size_t first = m_lines.line_of(node.items.front().position.offset);
            const std::size_t dash = m_lines.indent(first);
            return scan_block(
                first, [&](std::size_t indent, char c) { return indent > dash || (indent == dash && c == '-'); });
        }
        return std::nullopt;
    }

    template <typename Continues> std::size_t scan_block(std::size_t first, Continues continues) const
    {
        std::size_t last = first;
        for (std::size_t l = first + 1; l < m_lines.count(); ++l) {
            if (m_lines.is_filler(l)) {
                continue;
            }
            const std::size_t indent = m_lines.indent(l);
            const std::string_view t = m_lines.text(l);
            if (!continues(indent, indent < t.size() ? t[indent] : '\0')) {
                break;
            }
            last = l;
        }
        return last;
    }

    /// The last content line of entry `index` of block mapping `map`.
    std::size_t entry_last_line(const YamlNode& map, std::size_t index) const
    {
        if (index + 1 == map.entries.size()) {
            return *last_line(map);
        }
        std::size_t l = m_lines.line_of(map.entries[index + 1].first.position.offset);
        while (l > 0) {
            --l;
            if (!m_lines.is_filler(l)) {
                break;
            }
        }
        return l;
    }

    /// Where a new key goes in a block mapping: the line to insert after.
    std::size_t insertion_line(const YamlNode& map, const std::vector<std::string>& after) const
    {
        for (const std::string& k : after) {
            for (std::size_t i = 0; i < map.entries.size(); ++i) {
                if (map.entries[i].first.is_scalar() && map.entries[i].first.value == k) {
                    return entry_last_line(map, i);
                }
            }
        }
        return entry_last_line(map, map.entries.size() - 1);
    }

    std::string after_line(std::size_t line, const std::vector<std::string>& new_lines) const
    {
        std::string what;
        for (const std::string& l : new_lines) {
            what += m_lines.eol() + l;
        }
        return insert(m_lines.end(line), what);
    }

    bool block_map_shape(const YamlNode& map, Diagnostics& out) const
    {
        if (map.entries.empty() || map.style != YamlNode::Style::block) {
            out.push_back(
                refusal(m_file, "edit-unsafe", map.position,
                        {"cannot add to this mapping safely", "kan inte lägga till i den här mappningen säkert"}, {}));
            return false;
        }
        return true;
    }

    std::string key_text(const std::string& key, char quote) const
    {
        return quote == '\0' ? key : std::string(1, quote) + key + std::string(1, quote);
    }

    std::optional<std::string> insert_key(const YamlNode& map, const std::string& key, const std::string& value,
                                          const std::vector<std::string>& after, Diagnostics& out) const
    {
        if (map.style == YamlNode::Style::flow && !map.entries.empty()) {
            const std::size_t end = compact_end(m_text, map.entries.back().second);
            if (end == std::string_view::npos) {
                out.push_back(refusal(
                    m_file, "edit-unsafe", map.position,
                    {"cannot add to this mapping safely", "kan inte lägga till i den här mappningen säkert"}, {}));
                return std::nullopt;
            }
            return insert(end, fmt::format(", {}: {}", key, value));
        }
        if (!block_map_shape(map, out)) {
            return std::nullopt;
        }
        const std::size_t col = m_lines.column(map.entries.front().first.position.offset);
        const char quote = quote_of(map.entries.front().first);
        return after_line(insertion_line(map, after), {std::string(col, ' ') + key_text(key, quote) + ": " + value});
    }

    char quote_of(const YamlNode& key) const
    {
        const char c = key.position.offset < m_text.size() ? m_text[key.position.offset] : '\0';
        return key.style == YamlNode::Style::quoted && (c == '"' || c == '\'') ? c : '\0';
    }

    /// The offset just past the colon of the key `key`, when nothing but a
    /// comment follows it on its line; npos otherwise.
    std::size_t colon_end(const YamlNode& key) const
    {
        std::size_t i = key.position.offset + key.position.length;
        while (i < m_text.size() && (m_text[i] == ' ' || m_text[i] == '\t')) {
            ++i;
        }
        if (i >= m_text.size() || m_text[i] != ':') {
            return std::string_view::npos;
        }
        return i + 1;
    }

    std::optional<std::string> fill_null(const YamlNode& key, const std::string& value, Diagnostics& out) const
    {
        const std::size_t colon = colon_end(key);
        if (colon != std::string_view::npos) {
            const std::size_t line_end = m_lines.end(m_lines.line_of(colon));
            const std::string_view rest = m_text.substr(colon, line_end - colon);
            const std::size_t first = rest.find_first_not_of(" \t");
            if (first == std::string_view::npos || rest[first] == '#') {
                return insert(colon, " " + value);
            }
            for (std::string_view null_word : {"~", "null", "Null", "NULL"}) {
                if (rest.substr(first, null_word.size()) == null_word &&
                    (first + null_word.size() == rest.size() || rest[first + null_word.size()] == ' ')) {
                    return replace(colon + first, null_word.size(), value);
                }
            }
        }
        out.push_back(refusal(
            m_file, "edit-unsafe", key.position,
            {fmt::format("cannot set '{}' safely", key.value), fmt::format("kan inte sätta '{}' säkert", key.value)},
            {}));
        return std::nullopt;
    }

    std::string render_flow(const std::vector<YamlField>& fields, const ItemStyle& style) const
    {
        std::string out = style.open;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string value = fields[i].prose ? quoted(fields[i].value) : fields[i].value;
            out += (i == 0 ? "" : ", ") + key_text(fields[i].key, style.key_quote) + ": " + value;
        }
        return out + style.close;
    }

    std::vector<std::string> render_block_item(const std::vector<YamlField>& fields, std::size_t dash,
                                               const ItemStyle& style) const
    {
        std::vector<std::string> lines;
        if (style.flow) {
            lines.push_back(std::string(dash, ' ') + "- " + render_flow(fields, style));
            return lines;
        }
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string k = key_text(fields[i].key, style.key_quote) + ": " +
                                  (fields[i].prose ? yaml_scalar(fields[i].value, false) : fields[i].value);
            if (i == 0) {
                lines.push_back(std::string(dash, ' ') + "-" + std::string(style.key_gap - 1, ' ') + k);
            } else {
                lines.push_back(std::string(dash + style.key_gap, ' ') + k);
            }
        }
        return lines;
    }

    /// The style of the items of `list`: the majority of its mapping items,
    /// the last one deciding a tie.
    ItemStyle style_of(const YamlNode& list) const
    {
        ItemStyle style;
        std::size_t flow = 0;
        std::size_t block = 0;
        const YamlNode* last_flow = nullptr;
        const YamlNode* last_block = nullptr;
        for (const YamlNode& item : list.items) {
            if (!item.is_mapping()) {
                continue;
            }
            if (item.style == YamlNode::Style::flow) {
                ++flow;
                last_flow = &item;
            } else {
                ++block;
                last_block = &item;
            }
        }
        style.flow_list = list.style == YamlNode::Style::flow;
        style.flow =
            flow > block || (flow == block && flow > 0 && &list.items.back() == last_flow) || flow + block == 0;
        if (last_flow != nullptr) {
            const std::size_t o = last_flow->position.offset;
            const bool spaced = o + 1 < m_text.size() && m_text[o + 1] == ' ';
            style.open = spaced ? "{ " : "{";
            style.close = spaced ? " }" : "}";
            if (!last_flow->entries.empty()) {
                style.key_quote = quote_of(last_flow->entries.front().first);
            }
        }
        if (last_block != nullptr && !last_block->entries.empty()) {
            const std::size_t key_offset = last_block->entries.front().first.position.offset;
            const std::size_t line = m_lines.line_of(key_offset);
            const std::size_t dash = m_lines.indent(line);
            const std::size_t col = m_lines.column(key_offset);
            if (col > dash) {
                style.key_gap = col - dash;
            }
            if (!style.flow || last_flow == nullptr) {
                style.key_quote = quote_of(last_block->entries.front().first);
            }
        }
        return style;
    }

    /// Lists of dated entries, short and alike: the ones whose style a new
    /// list copies (a list of goals says nothing about how to write one).
    static bool is_entry_list(const std::string& key)
    {
        return key == "measurements" || key == "updates" || key == "levels" || key == "meetings" || key == "history";
    }

    /// A list to copy the style of for a new list `key`: another list of that
    /// name in the file, else another list of dated entries.
    ItemStyle sample_style(const std::string& key) const
    {
        const YamlNode* same = nullptr;
        const YamlNode* any = nullptr;
        const YamlNode* same_parent_key = nullptr;
        const YamlNode* any_parent_key = nullptr;
        find_lists(*m_doc.root, key, same, any, same_parent_key, any_parent_key);
        const YamlNode* list = same != nullptr ? same : any;
        const YamlNode* parent_key = same != nullptr ? same_parent_key : any_parent_key;
        ItemStyle style;
        if (list == nullptr) {
            return style;
        }
        style = style_of(*list);
        if (!style.flow_list && !list->items.empty() && parent_key != nullptr) {
            const std::size_t dash = m_lines.indent(m_lines.line_of(list->items.front().position.offset));
            const std::size_t key_col = m_lines.column(parent_key->position.offset);
            style.dash_offset = dash >= key_col ? dash - key_col : 2;
        }
        return style;
    }

    void find_lists(const YamlNode& node, const std::string& key, const YamlNode*& same, const YamlNode*& any,
                    const YamlNode*& same_key, const YamlNode*& any_key) const
    {
        for (const auto& [k, v] : node.entries) {
            if (v.is_sequence() && !v.items.empty() && v.items.front().is_mapping()) {
                if (same == nullptr && k.value == key) {
                    same = &v;
                    same_key = &k;
                }
                if (any == nullptr && is_entry_list(k.value)) {
                    any = &v;
                    any_key = &k;
                }
            }
            find_lists(v, key, same, any, same_key, any_key);
        }
        for (const YamlNode& item : node.items) {
            find_lists(item, key, same, any, same_key, any_key);
        }
    }

    std::optional<std::string> append_flow(const YamlNode& list, const std::vector<YamlField>& fields,
                                           Diagnostics& out) const
    {
        ItemStyle style = list.items.empty() ? sample_style("") : style_of(list);
        const std::string item = render_flow(fields, style);
        const std::size_t end = flow_end(m_text, list.position.offset);
        if (end == std::string_view::npos) {
            out.push_back(refusal(m_file, "edit-unsafe", list.position,
                                  {"cannot find the end of this list", "hittar inte slutet på den här listan"}, {}));
            return std::nullopt;
        }
        if (list.items.empty()) {
            return replace(list.position.offset, end - list.position.offset, "[" + item + "]");
        }
        const YamlNode& last = list.items.back();
        const std::size_t last_end = compact_end(m_text, last);
        if (last_end == std::string_view::npos) {
            out.push_back(refusal(m_file, "edit-unsafe", last.position,
                                  {"cannot add to this list safely", "kan inte lägga till i den här listan säkert"},
                                  {}));
            return std::nullopt;
        }
        // Items on lines of their own get a line of their own.
        const std::size_t last_line = m_lines.line_of(last.position.offset);
        const std::size_t prev_line = list.items.size() > 1
                                          ? m_lines.line_of(list.items[list.items.size() - 2].position.offset)
                                          : m_lines.line_of(list.position.offset);
        if (last_line != prev_line) {
            return insert(last_end,
                          "," + m_lines.eol() + std::string(m_lines.column(last.position.offset), ' ') + item);
        }
        return insert(last_end, ", " + item);
    }

    std::optional<std::string> append_block(const YamlNode& list, const std::vector<YamlField>& fields,
                                            Diagnostics& out) const
    {
        const std::size_t first = m_lines.line_of(list.items.front().position.offset);
        const std::size_t dash = m_lines.indent(first);
        const std::string_view first_text = m_lines.text(first);
        if (dash >= first_text.size() || first_text[dash] != '-') {
            out.push_back(refusal(m_file, "edit-unsafe", list.position,
                                  {"cannot add to this list safely", "kan inte lägga till i den här listan säkert"},
                                  {}));
            return std::nullopt;
        }
        const std::optional<std::size_t> last = last_line(list);
        if (!last) {
            out.push_back(refusal(m_file, "edit-unsafe", list.position,
                                  {"cannot add to this list safely", "kan inte lägga till i den här listan säkert"},
                                  {}));
            return std::nullopt;
        }
        return after_line(*last, render_block_item(fields, dash, style_of(list)));
    }

    std::optional<std::string> create_list(const YamlNode& map, const std::string& key,
                                           const std::vector<YamlField>& fields, const std::vector<std::string>& after,
                                           Diagnostics& out) const
    {
        const ItemStyle style = sample_style(key);
        if (map.style == YamlNode::Style::flow && !map.entries.empty()) {
            return insert_key(map, key, "[" + render_flow(fields, style) + "]", after, out);
        }
        if (!block_map_shape(map, out)) {
            return std::nullopt;
        }
        const std::size_t col = m_lines.column(map.entries.front().first.position.offset);
        const char quote = quote_of(map.entries.front().first);
        if (style.flow_list) {
            return after_line(insertion_line(map, after), {std::string(col, ' ') + key_text(key, quote) + ": [" +
                                                           render_flow(fields, style) + "]"});
        }
        std::vector<std::string> lines{std::string(col, ' ') + key_text(key, quote) + ":"};
        for (std::string& l : render_block_item(fields, col + style.dash_offset, style)) {
            lines.push_back(std::move(l));
        }
        return after_line(insertion_line(map, after), lines);
    }

    std::optional<std::string> fill_null_with_list(const YamlNode& map, const YamlNode& key_node,
                                                   const std::string& key, const std::vector<YamlField>& fields,
                                                   Diagnostics& out) const
    {
        const std::size_t colon = colon_end(key_node);
        const std::size_t line = m_lines.line_of(key_node.position.offset);
        if (colon == std::string_view::npos || map.style != YamlNode::Style::block) {
            out.push_back(refusal(
                m_file, "edit-unsafe", key_node.position,
                {fmt::format("cannot add to '{}' safely", key), fmt::format("kan inte lägga till i '{}' säkert", key)},
                {}));
            return std::nullopt;
        }
        const std::string_view rest = m_text.substr(colon, m_lines.end(line) - colon);
        const std::size_t first = rest.find_first_not_of(" \t");
        if (first != std::string_view::npos && rest[first] != '#') {
            out.push_back(refusal(
                m_file, "edit-unsafe", key_node.position,
                {fmt::format("cannot add to '{}' safely", key), fmt::format("kan inte lägga till i '{}' säkert", key)},
                {}));
            return std::nullopt;
        }
        const ItemStyle style = sample_style(key);
        const std::size_t col = m_lines.column(key_node.position.offset);
        return after_line(line, render_block_item(fields, col + style.dash_offset, style));
    }

    std::string_view m_text;
    const std::string& m_file;
    Lines m_lines;
    YamlDocument m_doc;
};

bool reads_as_other_type(std::string_view s)
{
    static const std::vector<std::string_view> k_words{"true", "false", "yes", "no", "on", "off", "null", "y", "n"};
    std::string lower(s);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "~" || std::find(k_words.begin(), k_words.end(), lower) != k_words.end()) {
        return true;
    }
    // Numbers, dates and the like: anything starting with a digit, sign or dot.
    const char c = s.front();
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '.' ||
           (c == '-' && s.size() > 1 && std::isdigit(static_cast<unsigned char>(s[1])) != 0);
}

std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20U || c == 0x7F) {
                out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

} // namespace

std::string yaml_scalar(std::string_view text, bool in_flow)
{
    bool plain = !text.empty() && text.front() != ' ' && text.back() != ' ' && !reads_as_other_type(text);
    if (plain) {
        static constexpr std::string_view k_first = "-?:,[]{}#&*!|>'\"%@`";
        plain = k_first.find(text.front()) == std::string_view::npos && text.back() != ':' &&
                text.find(": ") == std::string_view::npos && text.find(" #") == std::string_view::npos &&
                (!in_flow || text.find_first_of(",[]{}") == std::string_view::npos);
    }
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20U || c == 0x7F) {
            plain = false;
        }
    }
    return plain ? std::string(text) : quoted(text);
}

TextEdit yaml_set_scalar(std::string_view text, const std::string& file, const YamlPath& path, const std::string& key,
                         const std::string& value, const std::vector<std::string>& after)
{
    TextEdit result;
    Editor editor(text, file);
    if (!editor.open(result.diagnostics)) {
        return result;
    }
    if (const YamlNode* map = editor.resolve(path, result.diagnostics)) {
        result.text = editor.set_scalar(*map, key, value, after, result.diagnostics);
    }
    return result;
}

TextEdit yaml_append_entry(std::string_view text, const std::string& file, const YamlPath& path, const std::string& key,
                           const std::vector<YamlField>& fields, const std::vector<std::string>& after)
{
    TextEdit result;
    Editor editor(text, file);
    if (!editor.open(result.diagnostics)) {
        return result;
    }
    if (const YamlNode* map = editor.resolve(path, result.diagnostics)) {
        result.text = editor.append_entry(*map, key, fields, after, result.diagnostics);
    }
    return result;
}

} // namespace barnplan
