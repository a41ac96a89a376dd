from toolkit import assessment_admin  # noqa: F401  (registers the assessment scale snippet)
