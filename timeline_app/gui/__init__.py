"""The Qt window: views that draw what the model computed."""
