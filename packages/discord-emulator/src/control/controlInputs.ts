// The input types of the control API's methods, gathered so the package entry exposes them without the internals.
export type { UploadedFile } from '../attachments/createUploadedAttachment.js';
export type { ClickComponentInput } from '../components/clickComponent.js';
export type { AddMemberInput } from '../guilds/addMember.js';
export type { CreateChannelInput } from '../guilds/createChannel.js';
export type { OptionChoice, OptionInputValue } from '../interactions/buildInvokedOptions.js';
export type { InvokeCommandInput } from '../interactions/invokeCommand.js';
export type { AllowedMentions, PingedMentions } from '../mentions/resolvePings.js';
export type { PermissionOverwrite } from '../permissions/computeMemberPermissions.js';
export type { CommandOptionData, InvokedOption } from '../state/records.js';
export type { CreateUserInput } from '../users/createUser.js';
