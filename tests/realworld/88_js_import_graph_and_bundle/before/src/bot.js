const { chatModel } = require("./settings");
const { pick } = require("./router");

module.exports = async function reply(client, text, hard) {
  const choice = hard ? pick(hard).model : chatModel;
  return client.chat.completions.create({ model: choice, messages: [{ role: "user", content: text }] });
};
