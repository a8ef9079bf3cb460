"""The Qt-free core: data, streaming, the API client, storage. Never imports Qt."""
