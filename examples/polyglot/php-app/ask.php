<?php
// Answers support questions with openai-php/client pointed at DeepSeek.
require __DIR__ . '/vendor/autoload.php';

$client = OpenAI::factory()
    ->withApiKey(getenv('DEEPSEEK_API_KEY'))
    ->withBaseUri('https://api.deepseek.com')
    ->make();

$model = getenv('DEEPSEEK_MODEL') ?: 'deepseek-chat';

$result = $client->chat()->create([
    'model' => 'deepseek-reasoner',
    'messages' => [
        ['role' => 'user', 'content' => $argv[1] ?? 'Hello'],
    ],
]);

echo $result->choices[0]->message->content, PHP_EOL;
