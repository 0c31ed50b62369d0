"""The adviser's review: the validation report and row accounting (:mod:`.report`), and the
mapping of unknown values and element suggestions to decide (:mod:`.mappings`)."""
