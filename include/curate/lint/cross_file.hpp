#pragma once
// Findings between the files of one validate run (DESIGN.md "Several
// files"): the same page, or a clashing title, in two files.

#include <vector>

#include "curate/lint/lint.hpp"

namespace curate {

// Adds duplicate-url and duplicate-title findings whose two places are in
// different files of `files` (in file order): the first entry of a later
// file that duplicates one of an earlier file is reported there, naming
// the other's file:line. Later copies inside one file are the per-file
// rules' findings, never reported twice. "Duplicate" means what it means
// within a file (lint/duplicates.hpp). The findings join
// FileFindings::diagnostics before Linter::finish, so severities,
// suppressions and every output format apply to them; a rule that is off
// is not run.
void add_cross_file_findings(std::vector<FileFindings>& files, const Linter& linter);

}  // namespace curate
