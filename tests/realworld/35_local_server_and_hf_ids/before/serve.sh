#!/bin/sh
# Serve a local checkpoint under the name the app expects.
vllm serve deepseek-ai/deepseek-coder-6.7b-instruct --served-model-name deepseek-coder --port 8000
