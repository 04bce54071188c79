"""Annotations: the model, tags, anchoring a quote (with its facts), claims and editing."""
