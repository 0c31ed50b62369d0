"""The only Streamlit-aware part of the regie package: cached loaders, session keys, shared widgets."""
