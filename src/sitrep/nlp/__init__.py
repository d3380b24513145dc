"""NLP stage: the spaCy pipeline and the rule layers that fix news-specific errors."""
