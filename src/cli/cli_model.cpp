#include "cli_model.hpp"

#include <algorithm>

#include "curate/text/text.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

OptionModel describe_option(const CLI::Option& option, const CLI::Option* help) {
  OptionModel model;
  model.long_names = option.get_lnames();
  model.short_names = option.get_snames();
  if (!option.nonpositional()) model.positional = option.get_name(true);
  model.description = option.get_description();
  // The same reading of the option as --help's (options.hpp): one source.
  model.choices = choices_of(option);
  model.takes_value = option.get_items_expected_max() > 0;
  if (model.takes_value) model.value_name = option.get_type_name().substr(0, option.get_type_name().find(':'));
  model.optional_value = model.takes_value && option.get_items_expected_min() == 0 && model.positional.empty();
  model.repeatable = option.get_expected_max() > 1;
  model.required = option.get_required();
  model.help = &option == help;
  model.tag_value =
      model.takes_value && std::find(model.long_names.begin(), model.long_names.end(), "tag") != model.long_names.end();
  return model;
}

nlohmann::ordered_json option_json(const OptionModel& option) {
  nlohmann::ordered_json json;
  json["long"] = option.long_names;
  json["short"] = option.short_names;
  json["positional"] = option.positional;
  json["description"] = option.description;
  json["value"] = option.value_name;
  json["choices"] = option.choices;
  json["takes_value"] = option.takes_value;
  json["optional_value"] = option.optional_value;
  json["repeatable"] = option.repeatable;
  json["required"] = option.required;
  json["help"] = option.help;
  json["tag_value"] = option.tag_value;
  return json;
}

}  // namespace

CommandModel describe_app(CLI::App& app) {
  CommandModel model;
  model.name = app.get_name();
  model.aliases = app.get_aliases();
  model.description = app.get_description();
  model.fallthrough = app.get_fallthrough();
  const CLI::Option* help = app.get_help_ptr();
  for (const CLI::Option* option : app.get_options()) model.options.push_back(describe_option(*option, help));
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden on purpose
    model.subcommands.push_back(describe_app(*sub));
  }
  return model;
}

nlohmann::ordered_json to_json(const CommandModel& command) {
  nlohmann::ordered_json json;
  json["name"] = command.name;
  json["aliases"] = command.aliases;
  json["description"] = command.description;
  json["fallthrough"] = command.fallthrough;
  json["options"] = nlohmann::ordered_json::array();
  for (const auto& option : command.options) json["options"].push_back(option_json(option));
  json["subcommands"] = nlohmann::ordered_json::array();
  for (const auto& sub : command.subcommands) json["subcommands"].push_back(to_json(sub));
  return json;
}

std::string display_names(const OptionModel& option) {
  if (!option.positional.empty()) return option.positional;
  std::vector<std::string> names;
  for (const auto& name : option.short_names) names.push_back("-" + name);
  for (const auto& name : option.long_names) names.push_back("--" + name);
  return join(names, ", ");
}

std::vector<const OptionModel*> named_options(const CommandModel& command) {
  std::vector<const OptionModel*> out;
  for (const auto& option : command.options)
    if (option.positional.empty() && !option.help) out.push_back(&option);
  return out;
}

std::vector<const OptionModel*> positionals(const CommandModel& command) {
  std::vector<const OptionModel*> out;
  for (const auto& option : command.options)
    if (!option.positional.empty()) out.push_back(&option);
  return out;
}

}  // namespace curate::cli
