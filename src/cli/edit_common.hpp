#pragma once
// What the editing subcommands (add, rm, mv, tag, sort) share: loading a
// list to edit, picking entries, and the verify-then-write ending.

#include <functional>

#include "app.hpp"
#include "curate/edit/edit.hpp"

namespace curate::cli {

// Loads the list to edit; standard input cannot be edited in place.
LoadedList load_for_edit(const RunState& state, const std::optional<std::string>& file);

// Runs the nothing-lost check, then writes the file atomically (keeping BOM
// and line endings) and prints "FILE: what it did" — or, with `dry_run`,
// prints the unified diff instead of writing. `confirm`, when given, is
// asked after the check and before writing; false writes nothing ("FILE:
// nothing written"). Returns the exit code.
int finish_edit(const LoadedList& list, const EditResult& result, bool dry_run,
                const std::function<bool()>& confirm = {});

// Runs `edit`; a core error that names only a line gets the list's path.
EditResult with_file_errors(const std::string& path, const std::function<EditResult()>& edit);

// The entries named by ids or URLs, or by `--match TEXT` on titles. A
// selector matching several entries is refused unless `all`.
std::vector<EntryRef> select_for_edit(const Catalog& catalog, const std::vector<std::string>& selectors,
                                      const std::optional<std::string>& match, bool all);

// Takes the list file off the end of `args` when `file` is not set yet and
// the last one names an existing file or ends in .md or .markdown (and is
// no URL): `rm SELECTOR… [FILE]`.
void take_file_argument(std::vector<std::string>& args, std::optional<std::string>& file);

// Refuses tags outside the list's vocabulary unless `allow_new`.
void check_tags_known(const Catalog& catalog, const std::vector<std::string>& tags, bool allow_new);

}  // namespace curate::cli
