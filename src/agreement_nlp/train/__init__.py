"""Training the decision models from the annotated corpus (``agreement-nlp train``)."""
