#include <barnplan/yaml_tree.hpp>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

namespace barnplan {

YamlNode::~YamlNode() = default;
YamlNode::YamlNode(const YamlNode&) = default;
YamlNode::YamlNode(YamlNode&&) noexcept = default;
YamlNode& YamlNode::operator=(const YamlNode&) = default;
YamlNode& YamlNode::operator=(YamlNode&&) noexcept = default;

const std::pair<YamlNode, YamlNode>* YamlNode::find(std::string_view key) const
{
    for (const auto& entry : entries) {
        if (entry.first.is_scalar() && entry.first.value == key) {
            return &entry;
        }
    }
    return nullptr;
}

LineIndex::LineIndex(std::string_view text) : m_text(text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        m_bom = 3;
    }
    m_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            m_starts.push_back(i + 1);
        }
    }
}

Position LineIndex::position_of(std::size_t offset) const
{
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - m_starts.begin());
    std::size_t start = m_starts[line - 1];
    if (line == 1) {
        start = std::min(m_bom, offset);
    }
    std::size_t column = 1;
    if (line == m_last_line && offset >= m_last_offset && m_last_offset >= start) {
        start = m_last_offset;
        column = m_last_column;
    }
    for (std::size_t i = start; i < offset; ++i) {
        // Count code points: skip UTF-8 continuation bytes.
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0U) != 0x80U) {
            ++column;
        }
    }
    m_last_line = line;
    m_last_offset = offset;
    m_last_column = column;
    Position p;
    p.line = line;
    p.column = column;
    p.offset = offset;
    return p;
}

std::size_t LineIndex::line_offset(std::size_t line) const
{
    if (line == 0 || line > m_starts.size()) {
        return m_text.size();
    }
    return line == 1 ? m_bom : m_starts[line - 1];
}

std::string_view LineIndex::line_text(std::size_t line) const
{
    if (line == 0 || line > m_starts.size()) {
        return {};
    }
    const std::size_t start = line == 1 ? m_bom : m_starts[line - 1];
    std::size_t end = line < m_starts.size() ? m_starts[line] - 1 : m_text.size();
    if (end > start && m_text[end - 1] == '\r') {
        --end;
    }
    return m_text.substr(start, end - start);
}

std::size_t find_invalid_utf8(std::string_view text)
{
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80U) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if ((c & 0xE0U) == 0xC0U) {
            len = 2;
            min = 0x80;
            cp = c & 0x1FU;
        } else if ((c & 0xF0U) == 0xE0U) {
            len = 3;
            min = 0x800;
            cp = c & 0x0FU;
        } else if ((c & 0xF8U) == 0xF0U) {
            len = 4;
            min = 0x10000;
            cp = c & 0x07U;
        } else {
            return i;
        }
        if (i + len > n) {
            return i;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0U) != 0x80U) {
                return i;
            }
            cp = (cp << 6U) | (cc & 0x3FU);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

namespace {

/// Thrown from the event handler to stop the parse at a limit.
struct LimitExceeded {
    std::string rule;
    Text message;
    Text hint;
    std::size_t offset;
};

bool is_flow_indicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/// Bytes of the scalar token starting at `off`, for underlining. Only its first
/// line: a caret under a multi-line string would say nothing more.
std::size_t token_length(std::string_view text, std::size_t off, bool in_flow)
{
    const std::size_t n = text.size();
    if (off >= n) {
        return 1;
    }
    const char first = text[off];
    if (first == '"' || first == '\'') {
        std::size_t i = off + 1;
        while (i < n && text[i] != '\n' && text[i] != '\r') {
            if (first == '"' && text[i] == '\\') {
                i += 2;
                continue;
            }
            if (text[i] == first) {
                if (first == '\'' && i + 1 < n && text[i + 1] == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1 - off;
            }
            ++i;
        }
        return std::min(i, n) - off;
    }
    if (first == '|' || first == '>') {
        return 1;
    }
    std::size_t i = off;
    while (i < n && text[i] != '\n' && text[i] != '\r') {
        const char c = text[i];
        if (c == ':' && (i + 1 == n || text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n' ||
                         text[i + 1] == '\r' || (in_flow && is_flow_indicator(text[i + 1])))) {
            break;
        }
        if (c == '#' && i > off && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
            break;
        }
        if (in_flow && is_flow_indicator(c)) {
            break;
        }
        ++i;
    }
    while (i > off && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
        --i;
    }
    return std::max<std::size_t>(1, i - off);
}

class TreeBuilder final : public YAML::EventHandler {
public:
    TreeBuilder(std::string_view text, std::size_t bom, const LineIndex& index, const std::string& file,
                const YamlLimits& limits, Diagnostics& out)
        : m_text(text), m_bom(bom), m_index(index), m_file(file), m_limits(limits), m_out(out)
    {
    }

    std::unique_ptr<YamlNode> take_root() { return std::move(m_root); }
    [[nodiscard]] bool saw_document() const { return m_documents > 0; }

    void OnDocumentStart(const YAML::Mark& /*mark*/) override { ++m_documents; }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        YamlNode node;
        node.kind = YamlNode::Kind::null;
        node.anchor = anchor != YAML::NullAnchor;
        node.position = position(mark, false);
        add(std::move(node));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override
    {
        Diagnostic d;
        d.rule = "yaml-alias";
        d.severity = Severity::error;
        d.file = m_file;
        d.position = position(mark, false);
        d.message = {"aliases (*name) are not allowed in a plan file",
                     "alias (*namn) är inte tillåtna i en planfil"};
        d.hint = {"write the value out in full; every goal, action and meter stands on its own",
                  "skriv ut värdet i sin helhet; varje målsättning, åtgärd och mätare står för sig själv"};
        m_out.push_back(std::move(d));
        // Keep the structure intact so later problems are still found.
        YamlNode node;
        node.alias = true;
        node.position = position(mark, false);
        add(std::move(node));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override
    {
        YamlNode node;
        node.kind = YamlNode::Kind::scalar;
        node.anchor = anchor != YAML::NullAnchor;
        node.style = tag == "?" ? YamlNode::Style::plain : YamlNode::Style::quoted;
        node.value = value;
        node.position = position(mark, true);
        if (node.style == YamlNode::Style::quoted) {
            check_closed(node.position.offset);
        }
        add(std::move(node));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        open(mark, YamlNode::Kind::sequence, style, anchor != YAML::NullAnchor);
    }

    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        open(mark, YamlNode::Kind::mapping, style, anchor != YAML::NullAnchor);
    }

    void OnMapEnd() override { close(); }

private:
    /// yaml-cpp ends a quoted string that is never closed at the end of the
    /// text, silently swallowing every key after it; catch that here.
    void check_closed(std::size_t offset)
    {
        const char quote = offset < m_text.size() ? m_text[offset] : '\0';
        if (quote != '"' && quote != '\'') {
            return;
        }
        for (std::size_t i = offset + 1; i < m_text.size(); ++i) {
            if (quote == '"' && m_text[i] == '\\') {
                ++i;
                continue;
            }
            if (m_text[i] == quote) {
                if (quote == '\'' && i + 1 < m_text.size() && m_text[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                return;
            }
        }
        Diagnostic d;
        d.rule = "yaml-syntax";
        d.severity = Severity::error;
        d.file = m_file;
        d.position = m_index.position_of(offset);
        d.position.length = 1;
        d.message = {"this quoted text is never closed: everything after it up to the end of the file is read as text",
                     "den här citerade texten stängs aldrig: allt efter den till filens slut läses som text"};
        d.hint = {fmt::format("add the closing {} where the text ends", quote),
                  fmt::format("lägg till avslutande {} där texten slutar", quote)};
        m_out.push_back(std::move(d));
    }

    struct Frame {
        YamlNode* node;
        bool awaiting_value = false;
        std::unordered_map<std::string, Position> keys;
    };

    Position position(const YAML::Mark& mark, bool scalar) const
    {
        const std::size_t offset = static_cast<std::size_t>(std::max(mark.pos, 0)) + m_bom;
        Position p = m_index.position_of(offset);
        const bool in_flow = !m_stack.empty() && m_stack.back().node->style == YamlNode::Style::flow;
        p.length = scalar ? token_length(m_text, offset, in_flow) : 1;
        return p;
    }

    void count_node(std::size_t offset)
    {
        if (++m_nodes > m_limits.max_nodes) {
            throw LimitExceeded{"too-many-nodes",
                                {fmt::format("the file has more than {} YAML nodes", m_limits.max_nodes),
                                 fmt::format("filen har fler än {} YAML-noder", m_limits.max_nodes)},
                                {"a plan is far smaller; check that this is the right file",
                                 "en plan är mycket mindre; kontrollera att det är rätt fil"},
                                offset};
        }
    }

    YamlNode* add(YamlNode node)
    {
        count_node(node.position.offset);
        if (m_stack.empty()) {
            m_root = std::make_unique<YamlNode>(std::move(node));
            return m_root.get();
        }
        Frame& frame = m_stack.back();
        YamlNode& parent = *frame.node;
        if (parent.kind == YamlNode::Kind::sequence) {
            parent.items.push_back(std::move(node));
            return &parent.items.back();
        }
        if (frame.awaiting_value) {
            frame.awaiting_value = false;
            parent.entries.back().second = std::move(node);
            return &parent.entries.back().second;
        }
        if (node.is_scalar()) {
            auto [it, inserted] = frame.keys.emplace(node.value, node.position);
            if (!inserted) {
                report_duplicate(node, it->second);
            }
        }
        parent.entries.emplace_back(std::move(node), YamlNode{});
        frame.awaiting_value = true;
        return &parent.entries.back().first;
    }

    void report_duplicate(const YamlNode& key, const Position& first)
    {
        Diagnostic d;
        d.rule = "duplicate-key";
        d.severity = Severity::error;
        d.file = m_file;
        d.position = key.position;
        d.related = first;
        d.message = {fmt::format("key '{}' appears twice in the same mapping (first on line {})", key.value, first.line),
                     fmt::format("nyckeln '{}' förekommer två gånger i samma mappning (först på rad {})", key.value,
                                 first.line)};
        d.hint = {"keep one of them; YAML readers silently use only one of the two values",
                  "behåll en av dem; YAML-läsare använder tyst bara det ena av värdena"};
        m_out.push_back(std::move(d));
    }

    void open(const YAML::Mark& mark, YamlNode::Kind kind, YAML::EmitterStyle::value style, bool anchor)
    {
        YamlNode node;
        node.kind = kind;
        node.anchor = anchor;
        node.style = style == YAML::EmitterStyle::Flow ? YamlNode::Style::flow : YamlNode::Style::block;
        node.position = position(mark, false);
        if (m_stack.size() >= m_limits.max_depth) {
            throw LimitExceeded{"too-deep",
                                {fmt::format("nesting deeper than {} levels", m_limits.max_depth),
                                 fmt::format("nästlingen är djupare än {} nivåer", m_limits.max_depth)},
                                {"a plan needs about six levels; check the indentation",
                                 "en plan behöver ungefär sex nivåer; kontrollera indraget"},
                                node.position.offset};
        }
        YamlNode* added = add(std::move(node));
        m_stack.push_back(Frame{added, false, {}});
    }

    void close()
    {
        if (!m_stack.empty()) {
            m_stack.pop_back();
        }
    }

    std::string_view m_text;
    std::size_t m_bom;
    const LineIndex& m_index;
    const std::string& m_file;
    const YamlLimits& m_limits;
    Diagnostics& m_out;
    std::unique_ptr<YamlNode> m_root;
    std::vector<Frame> m_stack;
    std::size_t m_nodes = 0;
    int m_documents = 0;
};

Diagnostic file_diagnostic(const std::string& file, std::string rule, Position position, Text message, Text hint)
{
    Diagnostic d;
    d.rule = std::move(rule);
    d.severity = Severity::error;
    d.file = file;
    d.position = position;
    d.message = std::move(message);
    d.hint = std::move(hint);
    return d;
}

/// yaml-cpp's messages are English only; give the common ones a Swedish text.
Text syntax_message(const std::string& msg)
{
    static const std::vector<std::pair<std::string_view, std::string_view>> k_sv{
        {"end of map not found", "slutet på mappningen saknas"},
        {"end of sequence not found", "slutet på listan saknas"},
        {"end of map flow not found", "avslutande } saknas"},
        {"end of sequence flow not found", "avslutande ] saknas"},
        {"illegal map value", "otillåtet värde i mappningen (kolon på fel plats?)"},
        {"end of string not found", "slutet på strängen saknas (citattecken som inte stängs)"},
        {"unknown escape character", "okänd escape-sekvens"},
        {"block sequence entries are not allowed in this context", "listpunkter (-) är inte tillåtna här; kontrollera indraget"},
        {"illegal tab when looking for indentation", "tabb i indraget; använd mellanslag"},
        {"unknown token", "okänd symbol"},
        {"invalid character in anchor", "ogiltigt tecken i ankare"},
        {"tag handle", "tagghandtag"},
        {"bad file", "felaktig fil"},
    };
    for (const auto& [en, sv] : k_sv) {
        if (msg.rfind(en, 0) == 0) {
            return {msg, std::string(sv)};
        }
    }
    return {msg, "YAML-syntaxfel: " + msg};
}

} // namespace

Diagnostic file_too_large(const std::string& file, std::uintmax_t size, std::size_t limit)
{
    return file_diagnostic(file, "file-too-large", {},
                           {fmt::format("the file is {} bytes; the limit is {} bytes", size, limit),
                            fmt::format("filen är {} byte; gränsen är {} byte", size, limit)},
                           {"a plan is a few hundred kilobytes at most; check that this is the right file",
                            "en plan är högst några hundra kilobyte; kontrollera att det är rätt fil"});
}

YamlDocument parse_yaml(std::string_view text, const std::string& file, const YamlLimits& limits)
{
    YamlDocument doc;
    if (text.size() > limits.max_bytes) {
        doc.diagnostics.push_back(file_too_large(file, text.size(), limits.max_bytes));
        return doc;
    }
    const LineIndex index(text);
    if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        Position p = index.position_of(bad);
        p.length = 1;
        doc.diagnostics.push_back(file_diagnostic(
            file, "invalid-utf8", p,
            {fmt::format("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(text[bad])),
             fmt::format("byten 0x{:02X} är inte giltig UTF-8", static_cast<unsigned char>(text[bad]))},
            {"save the file as UTF-8 (in most editors: Save as… → Encoding → UTF-8)",
             "spara filen som UTF-8 (i de flesta redigerare: Spara som… → Kodning → UTF-8)"}));
        return doc;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        doc.bom_bytes = 3;
    }
    // YAML allows tab, line breaks and printable characters only; raw control
    // bytes (NUL, ESC…) are refused before the parser sees them.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20U && c != '\t' && c != '\n' && c != '\r') || c == 0x7FU) {
            Position p = index.position_of(i);
            p.length = 1;
            doc.diagnostics.push_back(file_diagnostic(
                file, "control-character", p,
                {fmt::format("control character U+{:04X} is not allowed in YAML", c),
                 fmt::format("styrtecknet U+{:04X} är inte tillåtet i YAML", c)},
                {"remove it; write it as an escape (\"\\e\", \"\\x00\") inside double quotes if it is really meant",
                 "ta bort det; skriv det som escape-sekvens (\"\\e\", \"\\x00\") inom dubbla citattecken om det verkligen avses"}));
            return doc;
        }
    }

    std::istringstream stream{std::string(text.substr(doc.bom_bytes))};
    TreeBuilder builder(text, doc.bom_bytes, index, file, limits, doc.diagnostics);
    try {
        YAML::Parser parser(stream);
        if (parser.HandleNextDocument(builder)) {
            doc.root = builder.take_root();
            // A second document would be silently ignored by other readers.
            TreeBuilder second(text, doc.bom_bytes, index, file, limits, doc.diagnostics);
            if (parser.HandleNextDocument(second) && second.saw_document()) {
                auto extra = second.take_root();
                Position p = extra ? extra->position : Position{};
                doc.diagnostics.push_back(file_diagnostic(
                    file, "multi-document", p,
                    {"the file holds more than one YAML document (---)", "filen innehåller mer än ett YAML-dokument (---)"},
                    {"keep one plan per file", "ha en plan per fil"}));
            }
        }
    } catch (const LimitExceeded& e) {
        Position p = index.position_of(e.offset);
        p.length = 1;
        doc.root.reset();
        doc.diagnostics.push_back(file_diagnostic(file, e.rule, p, e.message, e.hint));
    } catch (const YAML::DeepRecursion& e) {
        doc.root.reset();
        Position p = index.position_of(static_cast<std::size_t>(std::max(e.mark.pos, 0)) + doc.bom_bytes);
        p.length = 1;
        doc.diagnostics.push_back(file_diagnostic(
            file, "too-deep", p, {"nesting too deep for the YAML parser", "nästlingen är för djup för YAML-läsaren"},
            {"a plan needs about six levels; check the brackets and indentation",
             "en plan behöver ungefär sex nivåer; kontrollera hakparenteser och indrag"}));
    } catch (const YAML::Exception& e) {
        doc.root.reset();
        Position p;
        if (!e.mark.is_null()) {
            p = index.position_of(static_cast<std::size_t>(std::max(e.mark.pos, 0)) + doc.bom_bytes);
            p.length = 1;
        }
        doc.diagnostics.push_back(file_diagnostic(
            file, "yaml-syntax", p, syntax_message(e.msg),
            {"check indentation (spaces, not tabs), colons after keys and closing quotes and brackets",
             "kontrollera indrag (mellanslag, inte tabbar), kolon efter nycklar och att citattecken och parenteser stängs"}));
    } catch (const std::exception& e) {
        doc.root.reset();
        doc.diagnostics.push_back(file_diagnostic(file, "yaml-syntax", {}, {e.what(), e.what()}, {}));
    }
    return doc;
}

} // namespace barnplan
