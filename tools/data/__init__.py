"""Course data files (question banks, case metadata): loading with line numbers, and the
error every validator raises."""
