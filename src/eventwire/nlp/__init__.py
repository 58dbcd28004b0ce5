"""Language processing: the spaCy pipeline and the resolvers that read its output."""
