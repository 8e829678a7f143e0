"""Loaders: article files in, normalized Article values out."""
