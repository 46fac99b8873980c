#include "options.hpp"

#include <charconv>

#include "curate/edit/edit.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate::cli {
namespace {

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* option) const override {
    if (!option->nonpositional() || option->get_items_expected_max() == 0) return "";
    std::string value = value_display(*option);
    bool optional = option->get_items_expected_min() == 0;
    return " " + (optional ? "[" + value + "]" : value);
  }

  // The notes the man page adds too (man_page.cpp): repeatable, required.
  std::string make_option_desc(const CLI::Option* option) const override {
    std::string description = option->get_description();
    if (option->get_expected_max() > 1 && option->nonpositional() &&
        description.find("repeatable") == std::string::npos)
      description += " (repeatable)";
    if (option->get_required() && option->nonpositional()) description += " (required)";
    return description;
  }
};

}  // namespace

CLI::Validator choice(std::vector<std::string> values) {
  std::string description = "{" + join(values, ",") + "}";
  return CLI::Validator(
      [values](std::string& value) -> std::string {
        for (const auto& allowed : values)
          if (value == allowed) return {};
        return "'" + value + "' is not one of " + join(values, ", ") + did_you_mean(value, values);
      },
      description);
}

CLI::Validator count_value() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        size_t number = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (value.empty() || error != std::errc() || end != value.data() + value.size())
          return "expected a whole number (0 or more), not '" + value + "'";
        return {};
      },
      "");
}

CLI::Validator date_value() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        try {
          validate_date(value);
        } catch (const Error& e) {
          return std::string(e.what());
        }
        return {};
      },
      "");
}

std::vector<std::string> choices_of(const CLI::Option& option) {
  // CLI11 2.1 exposes validators only through the option's type name, e.g.
  // "FORMAT:{text,json}": the choice set is the braced part.
  std::string type_name = option.get_type_name();
  size_t open = type_name.find(":{");
  if (open == std::string::npos) return {};
  size_t close = type_name.find('}', open);
  if (close == std::string::npos) return {};
  return split_trimmed(type_name.substr(open + 2, close - open - 2), ",");
}

std::string value_display(const CLI::Option& option) {
  if (!option.nonpositional() || option.get_items_expected_max() == 0) return "";
  std::vector<std::string> choices = choices_of(option);
  if (!choices.empty()) return join(choices, "|");
  std::string type_name = option.get_type_name();
  return type_name.substr(0, type_name.find(':'));
}

std::shared_ptr<CLI::Formatter> help_formatter() {
  auto formatter = std::make_shared<HelpFormatter>();
  formatter->column_width(32);
  return formatter;
}

CLI::Option* add_file_argument(CLI::App& command, std::optional<std::string>& file, const std::string& description) {
  return command.add_option("FILE", file, description)->type_name(placeholder::k_file);
}

CLI::Option* add_files_argument(CLI::App& command, std::vector<std::string>& files) {
  return command
      .add_option("FILE", files,
                  "List files, folders or globs such as 'books/*.md', read as one catalog ('-' for standard "
                  "input); default: the configured list or \"files\"")
      ->type_name(placeholder::k_file);
}

CLI::Option* add_format_option(CLI::App& command, std::string& format, const std::vector<std::string>& choices,
                               const std::string& description) {
  format = choices.front();
  return command.add_option("--format", format, description + " (default: " + choices.front() + ")")
      ->type_name(placeholder::k_format)
      ->check(choice(choices));
}

}  // namespace curate::cli
